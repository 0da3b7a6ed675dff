import { clientLinkEmail, clientLocaleOf, isEmailContact, offeredClientLocales, type ClientLocale, type ClientSessionResponse } from '@spreekkamer/shared';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { hmacHex, randomDigits, randomToken, sha256Hex, timingSafeEqualText } from '../../crypto/random.js';
import { signToken, verifyToken } from '../../crypto/tokens.js';
import type { ClientRow, ClientsRepository } from '../../db/repositories/clients.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { UsersRepository } from '../../db/repositories/users.repository.js';
import type { Mailer } from '../../notify/mailer.js';
import { openText } from '../clients/sealed-text.js';
import { requirePermission, type Actor } from '../access.js';
import { AppError } from '../errors.js';
import { settingsOf } from '../admin/organisation-settings.js';

/** A client's proof of who they are, for this device only; no account, no password. */
export interface ClientSession {
  clientId: string;
  organisationId: string;
  /** link = own device with link and code; tablet = handed over in the room by the professional. */
  via: 'link' | 'tablet';
  token: string;
}

export interface ClientAccessSettings {
  secret: Buffer;
  sessionMinutes: number;
  maxWrongCodes: number;
  lockoutMinutes: number;
}

const sessionPurpose = 'client-session';
const sessionPayload = z.object({ clientId: z.string(), organisationId: z.string(), via: z.enum(['link', 'tablet']), access: z.string() });

export const clientCodeLength = 6;

/** Sending links by e-mail: the mailer and the key that opens the client's sealed contact. */
export interface ClientLinkMail {
  mailer: Mailer;
  users: UsersRepository;
  masterKey: Buffer;
}

export interface IssuedClientAccess {
  path: string;
  token: string;
  code: string;
  email: 'sent' | 'failed' | null;
}

/**
 * Clients reach their own pages with a personal link (a long random token) plus a short code on
 * paper. Only hashes are stored; wrong codes lock the link for a while. Client sessions are signed
 * tokens so any server process can check them, and they end when the professional renews the link.
 */
export class ClientAccessService {
  private readonly now: Clock;

  constructor(
    private readonly deps: {
      clients: ClientsRepository;
      organisations: OrganisationsRepository;
      audit: AuditLog;
      settings: ClientAccessSettings;
      /** Absent when no SMTP server is configured. */
      mail?: ClientLinkMail | undefined;
      now: Clock;
    },
  ) {
    this.now = deps.now;
  }

  /**
   * New link and code for the professional's own client; the old ones stop working at once. With
   * `emailOrigin`, the link (never the code) also goes to the client's e-mail address; a refused
   * request (no e-mail address, no mail server) changes nothing.
   */
  async issue(actor: Actor, clientId: string, options: { emailOrigin?: string | undefined } = {}): Promise<IssuedClientAccess> {
    requirePermission(actor, 'clients.own');
    const client = await this.ownClient(actor, clientId);
    const emailTo = options.emailOrigin === undefined ? null : this.emailAddressOf(client);
    const token = randomToken(24);
    const code = randomDigits(clientCodeLength);
    await this.deps.clients.replaceAccess({
      client_id: clientId,
      token_hash: sha256Hex(token),
      code_hash: this.codeHash(clientId, code),
      failed_attempts: 0,
      locked_until: null,
      created_at: this.now().toISOString(),
    });
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'client_access.issued', subjectType: 'client', subjectId: clientId });
    const path = `/k/${token}`;
    const email = emailTo === null ? null : await this.sendLink(actor, client, emailTo.mail, emailTo.address, `${options.emailOrigin ?? ''}${path}`);
    return { path, token, code, email };
  }

  private emailAddressOf(client: ClientRow): { mail: ClientLinkMail; address: string } {
    const mail = this.deps.mail;
    if (!mail) throw new AppError('email_not_configured');
    const contact = client.contact_wrapped ? openText(mail.masterKey, client.contact_wrapped) : null;
    if (!isEmailContact(contact)) throw new AppError('client_no_email');
    return { mail, address: contact };
  }

  /** The link works without the mail, so a mail server that fails is reported, not thrown. */
  private async sendLink(actor: Actor, client: ClientRow, mail: ClientLinkMail, to: string, link: string): Promise<'sent' | 'failed'> {
    const organisation = await this.deps.organisations.findById(actor.organisationId);
    const professional = await mail.users.findById(actor.userId);
    const message = clientLinkEmail(clientLocaleOf(client.locale), { organisationName: organisation?.name ?? '', professionalName: professional?.name ?? '', link });
    const outcome = await mail.mailer.send({ to, ...message });
    // The address is not logged: the audit log holds metadata only.
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: outcome === 'sent' ? 'client_access.emailed' : 'client_access.email_failed', subjectType: 'client', subjectId: client.id });
    return outcome;
  }

  /**
   * Before the code: which languages the link's organisation offers. The link itself is the long
   * random secret; an unknown one is refused exactly as when opening it with a code.
   */
  async linkLanguages(token: string): Promise<{ offeredLocales: ClientLocale[] }> {
    const access = await this.deps.clients.findAccessByTokenHash(sha256Hex(token));
    const client = access ? await this.deps.clients.findById(access.client_id) : undefined;
    if (!access || !client) throw new AppError('client_link_invalid');
    const organisation = await this.deps.organisations.findById(client.organisation_id);
    return { offeredLocales: offeredClientLocales(organisation ? settingsOf(organisation).clientLocales : undefined) };
  }

  /** The client opens their link and types the code from their paper. */
  async open(token: string, code: string): Promise<ClientSession> {
    const access = await this.deps.clients.findAccessByTokenHash(sha256Hex(token));
    const client = access ? await this.deps.clients.findById(access.client_id) : undefined;
    if (!access || !client) throw new AppError('client_link_invalid');
    const now = this.now();
    if (access.locked_until && access.locked_until > now.toISOString()) throw new AppError('client_locked');
    if (!timingSafeEqualText(access.code_hash, this.codeHash(client.id, code))) {
      const attempts = await this.deps.clients.countFailedAttempt(client.id);
      const locks = attempts >= this.deps.settings.maxWrongCodes;
      if (locks) await this.deps.clients.updateAccess(client.id, { failed_attempts: 0, locked_until: new Date(now.getTime() + this.deps.settings.lockoutMinutes * 60_000).toISOString() });
      await this.deps.audit.record({ organisationId: client.organisation_id, actorUserId: null, action: locks ? 'client_access.locked' : 'client_access.wrong_code', subjectType: 'client', subjectId: client.id });
      throw new AppError(locks ? 'client_locked' : 'client_code_wrong');
    }
    await this.deps.clients.updateAccess(client.id, { failed_attempts: 0, locked_until: null });
    await this.deps.audit.record({ organisationId: client.organisation_id, actorUserId: null, action: 'client_access.opened', subjectType: 'client', subjectId: client.id });
    return this.sessionFor(client, 'link', access.created_at);
  }

  /** In the room: the professional hands their own device to the client for this client only. */
  async handOver(actor: Actor, clientId: string): Promise<ClientSession> {
    requirePermission(actor, 'clients.own');
    const client = await this.ownClient(actor, clientId);
    const access = await this.deps.clients.findAccess(clientId);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'client_access.handed_over', subjectType: 'client', subjectId: clientId });
    return this.sessionFor(client, 'tablet', access?.created_at ?? 'none');
  }

  /** Checks a client session token; null when forged, expired, or the link was renewed since. */
  async authenticate(token: string): Promise<ClientSession | null> {
    const payload = verifyToken(this.deps.settings.secret, sessionPurpose, token, sessionPayload, this.now());
    if (!payload) return null;
    const client = await this.deps.clients.findById(payload.clientId);
    if (!client || client.organisation_id !== payload.organisationId) return null;
    if (payload.via === 'link') {
      const access = await this.deps.clients.findAccess(client.id);
      if (!access || access.created_at !== payload.access) return null;
    }
    return { clientId: payload.clientId, organisationId: payload.organisationId, via: payload.via, token };
  }

  async describe(session: ClientSession): Promise<ClientSessionResponse> {
    const organisation = await this.deps.organisations.findById(session.organisationId);
    const client = await this.deps.clients.findById(session.clientId);
    const offeredLocales = offeredClientLocales(organisation ? settingsOf(organisation).clientLocales : undefined);
    return { organisationName: organisation?.name ?? '', locale: clientLocaleOf(client?.locale), offeredLocales, via: session.via, csrfToken: this.csrfTokenFor(session) };
  }

  /**
   * The client picked another language on their pages: remembered for their link, so the printed
   * card, e-mail and copies follow. A hand-over in the room counts too: it is the client's choice.
   */
  async setLocale(session: ClientSession, locale: ClientLocale): Promise<ClientSessionResponse> {
    const organisation = await this.deps.organisations.findById(session.organisationId);
    if (!offeredClientLocales(organisation ? settingsOf(organisation).clientLocales : undefined).includes(locale)) throw new AppError('client_locale_not_offered');
    await this.deps.clients.update(session.clientId, { locale });
    return this.describe(session);
  }

  csrfTokenFor(session: ClientSession): string {
    return hmacHex(this.deps.settings.secret, `client-csrf:${session.token}`);
  }

  private sessionFor(client: ClientRow, via: ClientSession['via'], access: string): ClientSession {
    const token = signToken(this.deps.settings.secret, sessionPurpose, { clientId: client.id, organisationId: client.organisation_id, via, access }, this.deps.settings.sessionMinutes * 60, this.now());
    return { clientId: client.id, organisationId: client.organisation_id, via, token };
  }

  private codeHash(clientId: string, code: string): string {
    return hmacHex(this.deps.settings.secret, `client-code:${clientId}:${code.trim()}`);
  }

  private async ownClient(actor: Actor, clientId: string): Promise<ClientRow> {
    const client = await this.deps.clients.findById(clientId);
    if (!client || client.professional_id !== actor.userId) throw new AppError('not_found');
    return client;
  }
}
