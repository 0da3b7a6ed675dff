import type { DevelopmentPlan } from '@spreekkamer/shared';

const themeNames = { genuine_conversation: 'Echt gesprek', shared_goal: 'Samen één doel', fitting_approach: 'Passende aanpak' } as const;

/** Markdown readers may render HTML: angle brackets and ampersands are escaped so text stays text. */
function text(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function inline(value: string): string {
  return text(value.replace(/\s+/g, ' ')).replace(/([\\`*_[\]#|])/g, '\\$1');
}

/** The development plan as Markdown, for the professional to take along if they choose. */
export function planMarkdown(plan: DevelopmentPlan, exportedOn: string): string {
  const lines = [`# Ontwikkelplan van ${inline(plan.name)}`, '', `Gemaakt op ${exportedOn}. Dit plan is van u: niemand anders kan het openen.`, ''];
  for (const status of ['open', 'done'] as const) {
    const questions = plan.questions.filter((q) => q.status === status);
    lines.push(status === 'open' ? '## Open leervragen' : '## Afgeronde leervragen', '');
    if (questions.length === 0) lines.push('Geen.', '');
    for (const q of questions) {
      lines.push(`### ${inline(q.text || 'Leervraag zonder tekst')}`, '');
      if (q.theme) lines.push(`Thema: ${themeNames[q.theme]}`, '');
      if (q.learned.trim()) lines.push('Wat ik leerde:', '', ...text(q.learned).split('\n').map((line) => `> ${line}`), '');
      if (q.links.length > 0) lines.push(`Hoort bij ${q.links.length} ${q.links.length === 1 ? 'onderdeel' : 'onderdelen'} in Spreekkamer.`, '');
    }
  }
  lines.push('## Acties', '');
  if (plan.actions.length === 0) lines.push('Geen.', '');
  for (const a of plan.actions) lines.push(`- [${a.doneAt ? 'x' : ' '}] ${inline(a.what)}${a.dueOn ? ` (uiterlijk ${a.dueOn})` : ''}`);
  if (plan.actions.length > 0) lines.push('');
  lines.push('## Rondes', '');
  if (plan.rounds.length === 0) lines.push('Nog geen rondes.', '');
  for (const r of plan.rounds) {
    lines.push(`### ${r.startsOn} tot en met ${r.endsOn}`, '');
    lines.push(r.skipped ? 'Deze ronde overgeslagen.' : `${r.stepsDone} van ${r.stepsTotal} stappen gedaan.`);
    if (r.minutesSpent !== null) lines.push(`Tijd aan leren: ${r.minutesSpent} minuten.`);
    if (r.nextStep.trim()) lines.push(`Volgende stap: ${inline(r.nextStep)}`);
    if (r.lookBackEffect.trim()) lines.push(`Terugblik: ${inline(r.lookBackEffect)}`);
    lines.push('');
  }
  return lines.join('\n');
}
