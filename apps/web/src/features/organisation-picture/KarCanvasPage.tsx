import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Button } from '@utrecht/button-react';
import type { KarActivity, KarCanvas, KarContent, KarFactor, KarResult, KarScope } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { Fieldset, FieldsetLegend, TextAreaField, TextField } from '../../components/fields.js';
import { Link } from '../../components/Links.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadErrorPage, LoadingPage, MutationError } from '../../components/QueryState.js';
import { formatDay } from '../../lib/format.js';
import { picturePaths, useCanvas, useSaveCanvas } from './api.js';
import './organisation-picture.css';

type Level = 'factor' | 'activity' | 'result';
type Block = KarResult;

let counter = 0;
function newId(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

function emptyBlock(prefix: string): Block {
  return { id: newId(prefix), title: '', whyProfessional: '', whyOther: '', startingPoint: '', behaviour: '' };
}

function allTitled(content: KarContent): boolean {
  return content.factors.every((f) => f.title.trim() !== '' && f.activities.every((a) => a.title.trim() !== '' && a.results.every((r) => r.title.trim() !== '')));
}

/** /kar/:id: the shared canvas, written together and revisited during the year. */
export function KarCanvasPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const canvas = useCanvas(id);
  if (canvas.isPending) return <LoadingPage title={t('kar.canvas.loading')} />;
  if (canvas.error || !canvas.data) return <LoadErrorPage error={canvas.error} onRetry={() => void canvas.refetch()} goneTitle={t('kar.canvas.goneTitle')} goneText={t('kar.canvas.goneText')} errorTitle={t('kar.canvas.errorTitle')} />;
  return <CanvasEditor key={canvas.data.id} canvas={canvas.data} />;
}

function CanvasEditor({ canvas }: { canvas: KarCanvas }) {
  const { t, i18n } = useTranslation();
  const save = useSaveCanvas(canvas.id);
  const [content, setDraft] = useState<KarContent>(canvas.content);
  const [basedOn, setBasedOn] = useState(canvas.updatedAt);
  const [note, setNote] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const [saved, setSaved] = useState(false);
  // "Saved" is about what is on the screen: any change after it takes it away.
  const setContent = (next: KarContent) => {
    setDraft(next);
    setSaved(false);
  };
  const changeNote = (next: string) => {
    setNote(next);
    setSaved(false);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!allTitled(content)) {
      setMissingTitle(true);
      return;
    }
    setMissingTitle(false);
    save.mutate(
      { content, note, basedOn },
      {
        onSuccess: (next) => {
          setBasedOn(next.updatedAt);
          setNote('');
          setSaved(true);
        },
      },
    );
  }

  const setFactor = (index: number, factor: KarFactor) => setContent({ factors: content.factors.map((f, i) => (i === index ? factor : f)) });
  const title = t('kar.canvas.title', { name: canvas.name, year: canvas.year });
  return (
    <Page title={title} intro={t('kar.canvas.intro')} breadcrumbs={[{ to: picturePaths.canvases, label: t('kar.list.title') }]}>
      <Paragraph>
        <Link to={picturePaths.picture(canvas.id)}>{t('kar.picture.open')}</Link>
      </Paragraph>
      <form className="sk-form sk-kar" noValidate onSubmit={submit}>
        {content.factors.length === 0 ? <Paragraph>{t('kar.canvas.empty')}</Paragraph> : null}
        {content.factors.map((factor, fi) => (
          <Fieldset key={factor.id} className="sk-kar__factor">
            <FieldsetLegend>{t('kar.canvas.factorLegend', { n: fi + 1 })}</FieldsetLegend>
            <BlockFields level="factor" scope={canvas.scope} block={factor} onChange={(block) => setFactor(fi, { ...factor, ...block })} />
            {factor.activities.map((activity, ai) => (
              <Fieldset key={activity.id} className="sk-kar__activity">
                <FieldsetLegend>{t('kar.canvas.activityLegend', { n: ai + 1, factor: fi + 1 })}</FieldsetLegend>
                <BlockFields level="activity" scope={canvas.scope} block={activity} onChange={(block) => setFactor(fi, { ...factor, activities: factor.activities.map((a, i) => (i === ai ? { ...a, ...block } : a)) })} />
                {activity.results.map((result, ri) => (
                  <Fieldset key={result.id} className="sk-kar__result">
                    <FieldsetLegend>{t('kar.canvas.resultLegend', { n: ri + 1, activity: ai + 1 })}</FieldsetLegend>
                    <BlockFields
                      level="result"
                      scope={canvas.scope}
                      block={result}
                      onChange={(block) => setFactor(fi, { ...factor, activities: factor.activities.map((a, i) => (i === ai ? { ...a, results: a.results.map((r, j) => (j === ri ? { ...r, ...block } : r)) } : a)) })}
                    />
                    <Button type="button" appearance="subtle-button" onClick={() => setFactor(fi, { ...factor, activities: factor.activities.map((a, i) => (i === ai ? { ...a, results: a.results.filter((_, j) => j !== ri) } : a)) })}>
                      {t('kar.canvas.removeResult', { n: ri + 1 })}
                    </Button>
                  </Fieldset>
                ))}
                <div className="sk-actions">
                  <Button type="button" appearance="secondary-action-button" onClick={() => setFactor(fi, { ...factor, activities: factor.activities.map((a, i) => (i === ai ? addResult(a) : a)) })}>
                    {t('kar.canvas.addResult')}
                  </Button>
                  <Button type="button" appearance="subtle-button" onClick={() => setFactor(fi, { ...factor, activities: factor.activities.filter((_, i) => i !== ai) })}>
                    {t('kar.canvas.removeActivity', { n: ai + 1 })}
                  </Button>
                </div>
              </Fieldset>
            ))}
            <div className="sk-actions">
              <Button type="button" appearance="secondary-action-button" onClick={() => setFactor(fi, { ...factor, activities: [...factor.activities, { ...emptyBlock('a'), results: [] }] })}>
                {t('kar.canvas.addActivity')}
              </Button>
              <Button type="button" appearance="subtle-button" onClick={() => setContent({ factors: content.factors.filter((_, i) => i !== fi) })}>
                {t('kar.canvas.removeFactor', { n: fi + 1 })}
              </Button>
            </div>
          </Fieldset>
        ))}
        <div className="sk-actions">
          <Button type="button" appearance="secondary-action-button" onClick={() => setContent({ factors: [...content.factors, { ...emptyBlock('f'), activities: [] }] })}>
            {t('kar.canvas.addFactor')}
          </Button>
        </div>
        <TextField id="kar-note" label={t('kar.canvas.note')} description={t('kar.canvas.noteHelp')} value={note} onChange={changeNote} maxLength={300} />
        {missingTitle ? <Alert type="error" role="alert"><Paragraph>{t('kar.canvas.missingTitle')}</Paragraph></Alert> : null}
        <MutationError error={save.error} />
        <div className="sk-actions">
          <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>
            {save.isPending ? t('kar.canvas.saving') : t('kar.canvas.save')}
          </Button>
        </div>
        {saved ? <p role="status">{t('kar.canvas.saved')}</p> : null}
      </form>
      <Section id="kar-revisions" title={t('kar.canvas.revisions')}>
        {(save.data ?? canvas).revisions.length === 0 ? <Paragraph>{t('kar.canvas.noRevisions')}</Paragraph> : null}
        <ul className="sk-picture__list">
          {(save.data ?? canvas).revisions.map((revision, index) => (
            <li key={index}>
              {t('kar.canvas.revisedOn', { date: formatDay(revision.on, i18n.language) })}
              {revision.note ? `: ${revision.note}` : ''}
            </li>
          ))}
        </ul>
      </Section>
    </Page>
  );
}

function addResult(activity: KarActivity): KarActivity {
  return { ...activity, results: [...activity.results, emptyBlock('r')] };
}

function BlockFields({ level, scope, block, onChange }: { level: Level; scope: KarScope; block: Block; onChange: (block: Block) => void }) {
  const { t } = useTranslation();
  const field = (name: keyof Omit<Block, 'id'>) => `kar-${block.id}-${name}`;
  const set = (name: keyof Omit<Block, 'id'>) => (value: string) => onChange({ ...block, [name]: value });
  return (
    <div className="sk-kar__block">
      <TextField id={field('title')} label={t(`kar.canvas.levels.${level}`)} value={block.title} onChange={set('title')} maxLength={200} required />
      <TextAreaField id={field('whyProfessional')} label={t('kar.canvas.whyProfessional')} value={block.whyProfessional} onChange={set('whyProfessional')} rows={2} maxLength={2000} />
      <TextAreaField id={field('whyOther')} label={scope === 'team' ? t('kar.canvas.whyClient') : t('kar.canvas.whyOrganisation')} value={block.whyOther} onChange={set('whyOther')} rows={2} maxLength={2000} />
      <TextAreaField id={field('startingPoint')} label={t('kar.canvas.startingPoint')} value={block.startingPoint} onChange={set('startingPoint')} rows={2} maxLength={2000} />
      <TextAreaField id={field('behaviour')} label={t('kar.canvas.behaviour')} value={block.behaviour} onChange={set('behaviour')} rows={2} maxLength={2000} />
    </div>
  );
}
