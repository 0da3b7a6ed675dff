import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const domainDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Authentication decides who someone is, before there is an actor to check: signing in, sessions,
 * invitations, password resets, client links. Their methods take tokens, not actors.
 */
const authentication = new Set(['auth/auth.service.ts', 'auth/password-reset.service.ts', 'auth/oidc.service.ts', 'client-access/client-access.service.ts']);

/**
 * Public methods of actor-facing services that take no actor on purpose (the composition root
 * wires them); anything a job, callback or listener calls belongs in an internal module instead.
 */
const withoutActor: Record<string, string> = {
  'ConsentService.addWithdrawalListener': 'composition root',
  'NotificationsService.addDueSource': 'composition root',
};

/**
 * Media requests carry a signed token that names the viewer: it is checked before the gate, so a
 * stranger holding someone else's address hears that the token is not theirs (403), never whether
 * the recording exists. The gate follows as the second statement (enforced below).
 */
const tokenFirst = new Set(['spanPlaylist', 'spanKey', 'spanSegment', 'playlist', 'key', 'segment', 'peaks', 'poster'].map((name) => `PlaybackService.${name}`));

interface MethodReport {
  name: string;
  startsWithGate: boolean;
}

function isTokenCheck(statement: ts.Statement | undefined): boolean {
  if (!statement || !ts.isVariableStatement(statement)) return false;
  const initializer = statement.declarationList.declarations[0]?.initializer;
  return initializer !== undefined && ts.isCallExpression(initializer) && ts.isPropertyAccessExpression(initializer.expression) && initializer.expression.name.text === 'verify';
}

function isGateCall(statement: ts.Statement | undefined): boolean {
  if (!statement || !ts.isExpressionStatement(statement)) return false;
  const expression = ts.isAwaitExpression(statement.expression) ? statement.expression.expression : statement.expression;
  return ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'requireAccess';
}

function publicMethodsOf(file: string): MethodReport[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const reports: MethodReport[] = [];
  source.forEachChild((node) => {
    if (!ts.isClassDeclaration(node) || !node.name?.text.endsWith('Service')) return;
    const className = node.name.text;
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member) || !member.body || !ts.isIdentifier(member.name)) continue;
      const hidden = ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword || m.kind === ts.SyntaxKind.StaticKeyword);
      if (hidden) continue;
      const name = `${className}.${member.name.text}`;
      const [first, second] = member.body.statements;
      reports.push({ name, startsWithGate: isGateCall(first) || (tokenFirst.has(name) && isTokenCheck(first) && isGateCall(second)) });
    }
  });
  return reports;
}

const serviceFiles = readdirSync(domainDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.service.ts'))
  .map((file) => file.split(path.sep).join('/'))
  .sort();

describe('every public service method starts with the access gate', () => {
  it('finds the services', () => {
    expect(serviceFiles.length).toBeGreaterThan(20);
  });

  for (const file of serviceFiles.filter((f) => !authentication.has(f))) {
    it(file, () => {
      const methods = publicMethodsOf(path.join(domainDir, file));
      expect(methods.length).toBeGreaterThan(0);
      const ungated = methods.filter((m) => !m.startsWithGate && !(m.name in withoutActor)).map((m) => m.name);
      expect(ungated, 'start these with `await requireAccess(...)`, or move them out of the actor-facing service').toEqual([]);
    });
  }

  it('names only methods that exist in the list of methods without an actor', () => {
    const all = new Set(serviceFiles.flatMap((file) => publicMethodsOf(path.join(domainDir, file)).map((m) => m.name)));
    expect(Object.keys(withoutActor).filter((name) => !all.has(name))).toEqual([]);
  });
});
