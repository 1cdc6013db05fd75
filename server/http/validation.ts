import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { en, fr } from 'zod/locales';
import { text } from '../../core/localized.ts';
import { AppError, type FieldError } from './errors.ts';

const frenchMessages = fr().localeError;
const englishMessages = en().localeError;

type Part = 'body' | 'querystring' | 'params' | 'headers' | string;

const partName: Record<string, { fr: string; en: string }> = {
  body: { fr: 'le corps de la requête', en: 'the request body' },
  querystring: { fr: 'les paramètres de la requête', en: 'the query parameters' },
  params: { fr: "l'adresse", en: 'the address' },
};

/** Unrecognized keys are reported at the object; name each key instead so a form can point at it. */
function issuePaths(issue: z.core.$ZodIssue): string[] {
  const base = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [...base, key].join('.'));
  return [base.join('.') || 'body'];
}

/** A contract's own rule carries its English in `params` (core/localized.ts bothLanguages). */
function englishOf(issue: z.core.$ZodIssue | undefined): string | undefined {
  if (!issue) return undefined;
  const params = issue.code === 'custom' ? (issue.params as { en?: unknown } | undefined) : undefined;
  return typeof params?.en === 'string' ? params.en : issue.message;
}

/** The same issues, worded in French and in English: zod reports them in the same order. */
function bilingualFieldErrors(schema: z.ZodType, data: unknown): FieldError[] {
  const inFrench = schema.safeParse(data, { error: frenchMessages }).error?.issues ?? [];
  const inEnglish = schema.safeParse(data, { error: englishMessages }).error?.issues ?? [];
  return inFrench.flatMap((issue, index) =>
    issuePaths(issue).map((path) => ({
      path,
      message: text(issue.message, englishOf(inEnglish[index]) ?? issue.message),
    })),
  );
}

function validationError(part: Part, fields: FieldError[]): AppError {
  const where = partName[part] ?? { fr: part, en: part };
  const names = fields.map((f) => f.path).join(', ');
  return new AppError(
    400,
    'invalid_input',
    text(`Vérifiez ${where.fr} : ${names}.`, `Please check ${where.en}: ${names}.`),
    fields,
  );
}

/** Fastify validator built on the Zod contracts in core/, answering in both languages. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: validationError(httpPart ?? 'body', bilingualFieldErrors(schema, data)) };
  };
};
