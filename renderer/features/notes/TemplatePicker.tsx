// Prefills a note from a template for a common visit type: empty sections are filled at once; when sections
// already have text, the clinician confirms before they are replaced.
import { useId, useState } from 'react';
import type { NoteSections } from '../../../shared/domain/note';
import { NOTE_TEMPLATES, applyTemplate, sectionsTemplateWouldReplace, templateById } from '../../../shared/notes/templates';
import { Button, ConfirmDialog } from '../../ui';

export interface TemplatePickerProps {
  sections: NoteSections;
  onApply: (next: NoteSections) => void;
}

const SECTION_WORDS = { subjective: 'Subjective', objective: 'Objective', assessment: 'Assessment', plan: 'Plan' } as const;

export function TemplatePicker({ sections, onApply }: TemplatePickerProps) {
  const selectId = useId();
  const [chosen, setChosen] = useState(NOTE_TEMPLATES[0]!.id);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const template = templateById(chosen)!;

  const apply = (): void => {
    const replaced = sectionsTemplateWouldReplace(sections, template);
    if (replaced.length > 0) setConfirming(replaced.map((k) => SECTION_WORDS[k]));
    else onApply(applyTemplate(sections, template, { replace: false }));
  };

  return (
    <div className="hc-note__template">
      <label htmlFor={selectId}>Visit template</label>
      <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {NOTE_TEMPLATES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <Button onClick={apply}>Apply template</Button>
      <ConfirmDialog
        open={confirming !== null}
        title="Replace what you wrote?"
        confirmLabel="Replace sections"
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          setConfirming(null);
          onApply(applyTemplate(sections, template, { replace: true }));
        }}
      >
        <p>
          The {template.name} template would replace the text you wrote in: {confirming?.join(', ')}. Empty sections are filled either
          way only if you confirm.
        </p>
      </ConfirmDialog>
    </div>
  );
}
