// Design-system components: no app knowledge, no data access.
export { Button } from './Button';
export type { ButtonProps, ButtonVariant } from './Button';
export { TextField } from './TextField';
export type { TextFieldProps } from './TextField';
export { Alert } from './Alert';
export type { AlertProps } from './Alert';
export { Table } from './Table';
export type { Column, TableProps } from './Table';
export { EmptyState } from './EmptyState';
export type { EmptyStateProps } from './EmptyState';
