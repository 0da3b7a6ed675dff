import { useTranslation } from 'react-i18next';
import { ButtonLink, Link } from '../../components/Links.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.js';
import { clientPath, useClients } from './api.js';

export function ClientsPage() {
  const { t } = useTranslation();
  const clients = useClients();
  const columns = { pseudonym: t('clients.list.pseudonym'), conversations: t('clients.list.conversations'), access: t('clients.list.access') };
  return (
    <Page title={t('clients.list.title')} intro={t('clients.list.intro')}>
      <div className="sk-actions">
        <ButtonLink to="/clienten/nieuw" appearance="primary-action">
          {t('clients.list.add')}
        </ButtonLink>
      </div>
      <QueryStatus query={clients} />
      {clients.data && clients.data.clients.length === 0 ? <Paragraph>{t('clients.list.empty')}</Paragraph> : null}
      {clients.data && clients.data.clients.length > 0 ? (
        <Table>
          <TableCaption>{t('clients.list.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{columns.pseudonym}</TableHeaderCell>
              <TableHeaderCell>{columns.conversations}</TableHeaderCell>
              <TableHeaderCell>{columns.access}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {clients.data.clients.map((client) => (
              <TableRow key={client.id}>
                <TableCell label={columns.pseudonym}>
                  <Link to={clientPath(client.id)}>{client.pseudonym}</Link>
                </TableCell>
                <TableCell label={columns.conversations}>{client.conversationCount}</TableCell>
                <TableCell label={columns.access}>{client.hasAccess ? t('clients.list.accessYes') : t('clients.list.accessNo')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Page>
  );
}
