import { useTranslation } from 'react-i18next';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { roles, teamRoles, type MembershipInput, type Role } from '@spreekkamer/shared';
import { CheckboxField, Fieldset, FieldsetLegend } from '../../components/fields.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';

const teamRoleList: readonly Role[] = teamRoles;
const organisationRoles = roles.filter((role) => !teamRoleList.includes(role));

export interface MembershipEditorProps {
  /** Prefix for element ids, so two editors can live on one page. */
  idPrefix: string;
  teams: ReadonlyArray<{ id: string; name: string }>;
  value: readonly MembershipInput[];
  onChange: (value: MembershipInput[]) => void;
  error?: string | undefined;
}

/** Id of the first checkbox, for the error summary to link to. */
export function membershipFieldId(idPrefix: string): string {
  return `${idPrefix}-org-${organisationRoles[0] ?? 'reviewer'}`;
}

function same(a: MembershipInput, b: MembershipInput): boolean {
  return a.role === b.role && a.teamId === b.teamId;
}

/**
 * Roles as checkboxes: organisation roles once, team roles once per team. Team roles need a team
 * (professional, manager); the others apply to the whole organisation.
 */
export function MembershipEditor({ idPrefix, teams, value, onChange, error }: MembershipEditorProps) {
  const { t } = useTranslation();

  function toggle(membership: MembershipInput, on: boolean) {
    const rest = value.filter((item) => !same(item, membership));
    onChange(on ? [...rest, membership] : rest);
  }
  const has = (membership: MembershipInput) => value.some((item) => same(item, membership));

  return (
    <div className="sk-memberships" id={`${idPrefix}-memberships`}>
      {error ? (
        <FormFieldErrorMessage id={`${idPrefix}-memberships-error`}>{error}</FormFieldErrorMessage>
      ) : null}
      <Fieldset invalid={Boolean(error)} aria-describedby={error ? `${idPrefix}-memberships-error` : undefined}>
        <FieldsetLegend>{t('admin.memberships.organisationRoles')}</FieldsetLegend>
        {organisationRoles.map((role) => {
          const membership = { role, teamId: null };
          return (
            <CheckboxField
              key={role}
              id={`${idPrefix}-org-${role}`}
              label={t(`roles.${role}`)}
              description={t(`roleDescriptions.${role}`)}
              checked={has(membership)}
              onChange={(on) => toggle(membership, on)}
            />
          );
        })}
      </Fieldset>
      {teams.length === 0 ? (
        <Paragraph small>
          {t('admin.memberships.noTeams')} <Link to="/beheer/teams">{t('admin.memberships.toTeams')}</Link>
        </Paragraph>
      ) : (
        teams.map((team) => (
          <Fieldset key={team.id} invalid={Boolean(error)}>
            <FieldsetLegend>{t('admin.memberships.teamRoles', { team: team.name })}</FieldsetLegend>
            {teamRoleList.map((role) => {
              const membership = { role, teamId: team.id };
              return (
                <CheckboxField
                  key={role}
                  id={`${idPrefix}-team-${team.id}-${role}`}
                  label={t(`roles.${role}`)}
                  description={t(`roleDescriptions.${role}`)}
                  checked={has(membership)}
                  onChange={(on) => toggle(membership, on)}
                />
              );
            })}
          </Fieldset>
        ))
      )}
    </div>
  );
}
