import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../test-support/agent.ts';
import { createTestApp, type TestApp } from '../test-support/app.ts';
import { type CliCommand, commands } from './commands.ts';
import { parseInvocation, UsageError } from './parse.ts';
import { runCli } from './run.ts';

const parse = (line: string) => parseInvocation<CliCommand>(line.split(' ').filter(Boolean), commands);

describe('command line parsing', () => {
  it('finds commands of one and two words with their options', () => {
    const add = parse('user add --email a@b.org --name Ana --role worker --team t1 --team t2');
    expect(add.kind === 'run' && add.command.words).toEqual(['user', 'add']);
    expect(add.kind === 'run' && add.values.team).toEqual(['t1', 't2']);
    const backup = parse('backup out.json.gz');
    expect(backup.kind === 'run' && backup.positionals).toEqual(['out.json.gz']);
  });

  it('answers --help for everything and for one command', () => {
    expect(parse('--help')).toEqual({ kind: 'help', command: undefined });
    expect(parse('')).toEqual({ kind: 'help', command: undefined });
    const one = parse('team add --help');
    expect(one.kind === 'help' && one.command?.words).toEqual(['team', 'add']);
  });

  it.each([
    ['frob', /Unknown command "frob"/],
    ['user', /"user" needs one of: add, reset-password/],
    ['user add --name Ana --role worker', /--email is required/],
    ['user add --email a@b.org --name Ana --role worker --colour blue', /Unknown option --colour/],
    ['user add --email a@b.org --name Ana --role', /--role needs a value/],
    ['backup', /Missing <file>/],
    ['backup a b', /Unexpected argument "b"/],
  ])('refuses "%s" with one line naming the problem', (line, message) => {
    expect(() => parse(line)).toThrow(UsageError);
    expect(() => parse(line)).toThrow(message);
  });
});

describe('relais commands', () => {
  let test: TestApp;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      database: test.database,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const passwordIn = (output: string) => /Password \/ Mot de passe\s+(\S+)/.exec(output)?.[1] ?? '';

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test?.close());

  it('adds a team, then a user in it who signs in with the printed password', async () => {
    expect(await run('team', 'add', '--name', 'Équipe Ascot', '--code', 'ascot')).toMatchObject({ code: 0 });
    const added = await run(
      'user',
      'add',
      '--email',
      'Iq@Example.org',
      '--name',
      'Élise',
      '--role',
      'worker',
      '--team',
      'ascot',
    );
    expect(added.code).toBe(0);
    expect(added.out).toContain('ascot');
    const agent = new Agent(test.app);
    const signIn = await agent.signIn('iq@example.org', passwordIn(added.out));
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().user.mustChangePassword).toBe(true);
  });

  it('resets a password: the old sessions end, the new password works', async () => {
    const added = await run('user', 'add', '--email', 'oc@example.org', '--name', 'Omar', '--role', 'organizer');
    const agent = new Agent(test.app);
    expect((await agent.signIn('oc@example.org', passwordIn(added.out))).statusCode).toBe(200);
    const reset = await run('user', 'reset-password', '--email', 'oc@example.org');
    expect(reset.code).toBe(0);
    expect((await agent.get('/api/auth/session')).json().user).toBeNull();
    const again = await new Agent(test.app).signIn('oc@example.org', passwordIn(reset.out));
    expect(again.statusCode, `${reset.out} ${again.body}`).toBe(200);
  });

  it.each([
    [['user', 'add', '--email', 'x', '--name', 'X', '--role', 'worker'], /--email "x" is not an email/],
    [['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'boss'], /--role must be one of worker/],
    [
      ['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'worker', '--team', 'nowhere'],
      /--team: no team has the code nowhere/,
    ],
    [
      ['user', 'add', '--email', 'iq@example.org', '--name', 'X', '--role', 'worker'],
      /--email: Email: this value is already in use/,
    ],
    [['user', 'reset-password', '--email', 'nobody@example.org'], /--email: no account/],
    [['team', 'add', '--name', 'T', '--code', 'Bad Code'], /--name: |--code: /],
    [['team', 'add', '--name', 'Autre', '--code', 'ascot'], /--code: Code: this value is already in use/],
    [['seed'], /seed needs --demo/],
    [['restore', '/nonexistent/file.json.gz'], /Cannot read/],
    [['backup', '/nonexistent/folder/out.json.gz'], /Cannot write \/nonexistent\/folder\/out.json.gz/],
  ])('fails with exit code 1 and one line: %j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.out).toBe('');
  });

  it('names the bad setting when the configuration is wrong', async () => {
    const err: string[] = [];
    const code = await runCli(['migrate'], {
      out: () => {},
      err: (l) => err.push(l),
      env: { DATABASE_URL: 'mysql://x' },
    });
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/Invalid setting DATABASE_URL/)]);
  });
});
