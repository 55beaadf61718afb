// Chat helpers shared by the server and the workstation: image type checks and quick replies.
export * from './image-type';
export * from './quick-replies';
