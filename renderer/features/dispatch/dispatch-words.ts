// Words the dispatch board shows for statuses, skills and priorities.
import type { FieldRequestStatus, Priority } from '../../../shared/domain/dispatch';

export const STATUS_WORDS: Record<FieldRequestStatus, string> = {
  unassigned: 'Unassigned', assigned: 'Assigned', en_route: 'En route', arrived: 'Arrived', completed: 'Completed', cancelled: 'Cancelled',
};

export const SHIFT_WORDS: Record<string, string> = { available: 'Available', en_route: 'En route', on_site: 'On site', off_duty: 'Off duty' };

export const PRIORITY_WORDS: Record<Priority, string> = { routine: 'Routine', soon: 'Soon', urgent: 'Urgent' };

const SKILL_WORDS: Record<string, string> = {
  phlebotomy: 'Phlebotomy', iv: 'IV', vaccination: 'Vaccination', lung_exam: 'Lung exam', wound_care: 'Wound care', delivery: 'Delivery', telehealth: 'Telehealth',
};
export const skillWord = (skill: string): string => SKILL_WORDS[skill] ?? skill;
export const skillList = (skills: readonly string[]): string => skills.map(skillWord).join(', ');
