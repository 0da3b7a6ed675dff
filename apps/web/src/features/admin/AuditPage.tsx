import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { contract } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { formatDateTime } from '../../lib/format.js';
import { useOptionalText } from '../../i18n/optional.js';
import { Page, Section } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadError, QueryStatus } from '../../components/QueryState.js';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { adminKeys } from './queries.js';
import { call } from '../../api/client.js';

const pageSize = 25;

export function AuditPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.audit.title')} intro={t('admin.audit.intro')}>
      <Section id="audit-verify" title={t('admin.audit.verifyTitle')}>
        <VerifyChain />
      </Section>
      <Section id="audit-list" title={t('admin.audit.listTitle')}>
        <AuditList />
      </Section>
    </Page>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => call(contract.admin.verifyAudit) });
  return (
    <div className="sk-stack">
      <Paragraph>{t('admin.audit.verifyHelp')}</Paragraph>
      <div className="sk-actions">
        <Button appearance="secondary-action-button" busy={verify.isPending} onClick={() => verify.mutate()}>
          {t('admin.audit.verify')}
        </Button>
      </div>
      <div role="status">
        {verify.isPending ? <Paragraph>{t('admin.audit.verifying')}</Paragraph> : null}
        {verify.data?.ok ? (
          <Alert type="ok">
            <Paragraph>{t('admin.audit.verifyOk', { count: verify.data.checked })}</Paragraph>
          </Alert>
        ) : null}
        {verify.data && !verify.data.ok ? (
          <Alert type="error">
            <Paragraph>
              {t('admin.audit.verifyBroken', { seq: verify.data.firstBrokenSeq ?? '?', count: verify.data.checked })}
            </Paragraph>
          </Alert>
        ) : null}
      </div>
      {verify.error ? <LoadError error={verify.error} /> : null}
    </div>
  );
}

function AuditList() {
  const { t, i18n } = useTranslation();
  const optional = useOptionalText();
  // Each entry is the `before` cursor of a page we came from, so "newer" can go back.
  const [cursors, setCursors] = useState<Array<number | null>>([null]);
  const before = cursors[cursors.length - 1] ?? null;
  const audit = useQuery({
    queryKey: adminKeys.audit(before),
    queryFn: () => call(contract.admin.listAudit, { query: { limit: pageSize, ...(before === null ? {} : { before }) } }),
    placeholderData: keepPreviousData,
  });
  const columns = {
    seq: t('admin.audit.columns.seq'),
    at: t('admin.audit.columns.at'),
    action: t('admin.audit.columns.action'),
    actor: t('admin.audit.columns.actor'),
    subject: t('admin.audit.columns.subject'),
  };
  const nextBefore = audit.data?.nextBefore ?? null;

  return (
    <div className="sk-stack" aria-busy={audit.isFetching}>
      <QueryStatus query={audit} />
      {audit.data && audit.data.events.length === 0 ? <Paragraph>{t('admin.audit.empty')}</Paragraph> : null}
      {audit.data && audit.data.events.length > 0 ? (
        <Table>
          <TableCaption className="sk-visually-hidden">{t('admin.audit.caption', { page: cursors.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{columns.seq}</TableHeaderCell>
              <TableHeaderCell>{columns.at}</TableHeaderCell>
              <TableHeaderCell>{columns.action}</TableHeaderCell>
              <TableHeaderCell>{columns.actor}</TableHeaderCell>
              <TableHeaderCell>{columns.subject}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {audit.data.events.map((event) => (
              <TableRow key={event.seq}>
                <TableCell label={columns.seq} className="utrecht-table__cell--numeric-data">
                  {event.seq}
                </TableCell>
                <TableCell label={columns.at}>{formatDateTime(event.at, i18n.language)}</TableCell>
                <TableCell label={columns.action}>
                  {/* Translated once; only an action we have no words for yet shows its code. */}
                  {optional(`admin.audit.actions.${event.action}`, '') || (
                    <>
                      {t('admin.audit.otherAction')} <code className="utrecht-code sk-muted sk-code-small">{event.action}</code>
                    </>
                  )}
                </TableCell>
                <TableCell label={columns.actor}>{event.actorName ?? t('admin.audit.system')}</TableCell>
                <TableCell label={columns.subject}>
                  {event.subjectType ? (
                    <>
                      {optional(`admin.audit.subjects.${event.subjectType}`, t('admin.audit.otherSubject'))}
                      {event.subjectId ? <span className="sk-muted sk-id"> {event.subjectId.slice(0, 8)}</span> : null}
                    </>
                  ) : (
                    '—'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <nav className="sk-pager" aria-label={t('admin.audit.paging')}>
        <Button
          appearance="secondary-action-button"
          disabled={cursors.length <= 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t('admin.audit.newer')}
        </Button>
        <span className="sk-pager__page">{t('admin.audit.page', { page: cursors.length })}</span>
        <Button
          appearance="secondary-action-button"
          disabled={nextBefore === null}
          onClick={() => setCursors([...cursors, nextBefore])}
        >
          {t('admin.audit.older')}
        </Button>
      </nav>
    </div>
  );
}
