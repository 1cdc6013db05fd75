import { type SQL, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';

/**
 * The directory's search documents (decision 0012). A service's document is its unaccented,
 * lower-case text under the 'french' configuration (stems: "logements" finds "logement"), weighted
 * A: its names; B: its organisation's name and the labels of its needs in French and English;
 * C: description and eligibility; D: how to apply, fees, documents, audiences' cities and places.
 * The distinct surface words of every document go to `directory_words`, where a misspelled query
 * word finds its nearest indexed word by trigram before the full-text match.
 */
const documentParts = sql`
  select s.id,
    relais_unaccent(lower(s.name || ' ' || coalesce(s.alternate_name, ''))) as a,
    relais_unaccent(lower(coalesce(o.name, '') || ' ' || coalesce(o.alternate_name, '') || ' ' || coalesce((
      select string_agg(t.label_fr || ' ' || t.label_en, ' ')
      from taxonomy_terms t where t.kind = 'need' and t.code = any(s.needs)
    ), ''))) as b,
    relais_unaccent(lower(coalesce(s.description, '') || ' ' || coalesce(s.eligibility_description, ''))) as c,
    relais_unaccent(lower(concat_ws(' ',
      s.application_process, s.fees_description, s.interpretation_services,
      array_to_string(s.required_documents, ' '),
      (select string_agg(concat_ws(' ', l.name, l.address, l.city), ' ')
       from service_locations l where l.service_id = s.id)
    ))) as d
  from services s
  join actors o on o.id = s.actor_id`;

const wordsOfDocs = sql`
  select distinct docs.id, word
  from docs, unnest(tsvector_to_array(to_tsvector('simple', docs.a || ' ' || docs.b || ' ' || docs.c || ' ' || docs.d))) as word
  where length(word) between 2 and 40 and word !~ '^[0-9]+$'`;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * `directory_words` keeps, under the empty word (which no query word can be), how many services
 * are indexed: the N against which a word's `documents` says whether it is common.
 */
const totalWord = '';
/** Past this many services, every word is recounted in one pass over the documents. */
const bulkRecount = 200;

/**
 * Recomputes `services.search_vector` for these services and keeps `directory_words` current:
 * their words are added, and each of those words' `documents` is recounted as the number of
 * services whose document holds its stem, which the search uses to tell a common word ("aide")
 * from a telling one ("alimentaire"). Call it after any write that changes a service's text,
 * needs, locations or organisation's name (the HSDS import and the generator call it too). A word
 * that leaves every document keeps its last count until a bulk refresh recounts it (to zero: a word
 * counted in no document is never offered as a correction).
 */
export async function refreshServiceSearch(db: Database | Tx, serviceIds: string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  const ids = sql`${`{${serviceIds.join(',')}}`}::uuid[]`;
  const [fresh] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from services where id = any(${ids}) and search_vector is null`),
  );
  await db.execute(sql`
    with docs as (${documentParts} where s.id = any(${ids}))
    update services set search_vector =
      setweight(to_tsvector('french', docs.a), 'A') ||
      setweight(to_tsvector('french', docs.b), 'B') ||
      setweight(to_tsvector('french', docs.c), 'C') ||
      setweight(to_tsvector('french', docs.d), 'D')
    from docs where services.id = docs.id`);
  await db.execute(sql`
    with docs as (${documentParts} where s.id = any(${ids})),
    words as (${wordsOfDocs})
    insert into directory_words (word, documents)
    select distinct word, 0 from words where numnode(plainto_tsquery('french', word)) > 0
    on conflict (word) do nothing`);
  if (serviceIds.length > bulkRecount) await recountAllWords(db);
  else {
    await db.execute(sql`
      update directory_words d set documents = (
        select count(*)::int from services s where s.search_vector @@ plainto_tsquery('french', d.word))
      where d.word in (
        select word from (with docs as (${documentParts} where s.id = any(${ids})) ${wordsOfDocs}) w)`);
    await db.execute(sql`
      insert into directory_words (word, documents) values (${totalWord}, ${fresh?.n ?? 0})
      on conflict (word) do update set documents = directory_words.documents + excluded.documents`);
  }
}

/** Every word's count in one pass (ts_stat over the documents), and the number of services. */
async function recountAllWords(db: Database | Tx): Promise<void> {
  await db.execute(sql`
    with stats as (select word as lexeme, ndoc from ts_stat('select search_vector from services where search_vector is not null')),
    stems as (
      select d.word, (tsvector_to_array(to_tsvector('french', d.word)))[1] as lexeme
      from directory_words d where d.word <> ${totalWord}
    )
    update directory_words d set documents = coalesce(stats.ndoc, 0)
    from stems left join stats on stats.lexeme = stems.lexeme
    where d.word = stems.word`);
  await db.execute(sql`
    insert into directory_words (word, documents)
    select ${totalWord}, count(*)::int from services where search_vector is not null
    on conflict (word) do update set documents = excluded.documents`);
}

type DirectorySearchOptions = {
  q?: string;
  need?: string;
  language?: string;
  neighbourhoodId?: string;
  openNow?: boolean;
  availability?: string[];
  kind: 'service' | 'actor' | 'all';
  limit: number;
  /** The deployment's IANA time zone, for "open now". */
  timeZone: string;
  /** Teams whose key persons the caller may see; undefined: every team (admin with a reason). */
  keyPersonTeams: string[] | undefined;
};

type ServiceHitRow = {
  id: string;
  name: string;
  actor_id: string;
  actor_name: string;
  availability: string;
  expected_wait_days: number | null;
  needs: string[];
  languages: string[];
  free: boolean | null;
  open_now: boolean;
  highlight: string | null;
  rank: number;
};
type ActorHitRow = {
  id: string;
  kind: string;
  category: string;
  name: string;
  city: string | null;
  rank: number;
};
export type Correction = { from: string; to: string };

/** Folds text as the documents are folded (relais_unaccent + lower). */
const fold = (text: string) =>
  text.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');

/** A query's distinct words, folded, at most eight. */
export function queryWords(q: string): string[] {
  const folded = fold(q);
  return [...new Set(folded.split(/[^a-z0-9]+/).filter((w) => w.length >= 2))].slice(0, 8);
}

/**
 * A short excerpt of `text` around its first word that starts like one of `prefixes` (folded), the
 * matching words between « and »; null when no word matches.
 */
export function highlightExcerpt(text: string, prefixes: string[], before = 6, after = 14): string | null {
  if (prefixes.length === 0) return null;
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    marked: prefixes.some((p) => fold(m[0]).startsWith(p)),
  }));
  const first = tokens.findIndex((t) => t.marked);
  if (first < 0) return null;
  const from = Math.max(0, first - before);
  const to = Math.min(tokens.length - 1, first + after);
  let out = from > 0 ? '… ' : '';
  let cursor = (tokens[from] as { start: number }).start;
  for (const token of tokens.slice(from, to + 1)) {
    out += text.slice(cursor, token.start);
    const word = text.slice(token.start, token.end);
    out += token.marked ? `«${word}»` : word;
    cursor = token.end;
  }
  return to < tokens.length - 1 ? `${out} …` : out + text.slice(cursor);
}

type WordRow = { w: string; stop: boolean; known: boolean; near: string[]; documents: number; total: number };
/** One query word as the indexed words it may mean, and how many services hold the likeliest. */
type WordGroup = { words: string[]; documents: number };

/**
 * Each query word as the words of the directory it may mean: itself when indexed, else its three
 * nearest indexed words by trigram similarity (GIN index on directory_words). Stop words
 * ("au", "de", "la") are dropped, as the 'french' configuration drops them from documents.
 */
async function correctWords(
  db: Database | Tx,
  words: string[],
): Promise<{ groups: WordGroup[]; corrections: Correction[]; total: number }> {
  const rows = rowsOf<WordRow>(
    await db.execute(sql`
      with q as (
        select q.w, q.ord,
          numnode(plainto_tsquery('french', q.w)) = 0 as stop,
          (select d.documents from directory_words d where d.word = q.w) as exact,
          -- Only a word the directory does not hold looks for its neighbours (a CASE runs one branch).
          case when exists (select 1 from directory_words d where d.word = q.w) then '{}'::text[]
          else array(
            -- The nearest word, and those as near: "logemant" is "logement", not also "logea".
            select c.word from (
              select n.word, n.score, n.documents, max(n.score) over () as best from (
                select d.word, similarity(d.word, q.w) as score, d.documents from directory_words d
                where d.word % q.w and d.documents > 0
                order by score desc, d.documents desc, d.word
                limit 3
              ) n
            ) c
            where c.score >= c.best - 0.05
            order by c.score desc, c.documents desc, c.word
          ) end as near
        from unnest(${`{${words.join(',')}}`}::text[]) with ordinality as q(w, ord)
      )
      select q.w, q.stop, q.exact is not null as known, q.near,
        coalesce(q.exact, (select max(d.documents) from directory_words d where d.word = any(q.near)), 0) as documents,
        (select d.documents from directory_words d where d.word = ${totalWord}) as total
      from q order by q.ord`),
  );
  const groups: WordGroup[] = [];
  const corrections: Correction[] = [];
  for (const row of rows) {
    if (row.stop) continue;
    const documents = Number(row.documents);
    if (row.known || row.near.length === 0) {
      groups.push({ words: [row.w], documents });
      continue;
    }
    groups.push({ words: row.near, documents });
    corrections.push({ from: row.w, to: row.near[0] as string });
  }
  return { groups, corrections, total: Number(rows[0]?.total ?? 0) };
}

/** Over this share of the services, a word ("aide", "service") narrows little: it ranks, not filters. */
const commonShare = 0.25;

/**
 * The full-text queries of a search, tried in order until one finds services: every telling word
 * (and at least the rarest word of the query); then, dropping the commonest word each time, fewer
 * of them; at last any word. `rank` orders the matches over every word (more words, higher).
 */
function buildQueries(groups: WordGroup[], total: number): { filters: string[]; rank: string } {
  const alternative = (g: WordGroup) => `(${g.words.join(' | ')})`;
  const rarest = Math.min(...groups.map((g) => g.documents));
  const telling = groups
    .filter((g) => g.documents <= total * commonShare || g.documents === rarest)
    .sort((x, y) => x.documents - y.documents);
  const filters: string[] = [];
  for (let kept = telling.length; kept >= 1; kept--) filters.push(telling.slice(0, kept).map(alternative).join(' & '));
  const anyWord = groups.map(alternative).join(' | ');
  if (!filters.includes(anyWord)) filters.push(anyWord);
  return { filters, rank: anyWord };
}

function serviceFilters(options: DirectorySearchOptions): SQL[] {
  const filters: SQL[] = [
    sql`s.hsds_status in ('active', 'temporarily closed')`,
    // Few organisations are inactive: one small array, not a join on every match.
    sql`not (s.actor_id = any(array(select a.id from actors a where not a.active)))`,
  ];
  if (options.need) filters.push(sql`s.needs @> array[${options.need}]::text[]`);
  if (options.language) filters.push(sql`s.languages @> array[${options.language}]::text[]`);
  if (options.neighbourhoodId)
    filters.push(
      sql`exists (select 1 from service_neighbourhoods n where n.service_id = s.id and n.neighbourhood_id = ${options.neighbourhoodId})`,
    );
  if (options.availability?.length)
    filters.push(sql`s.availability = any(${`{${options.availability.join(',')}}`}::text[])`);
  if (options.openNow) filters.push(openNowSql(options.timeZone));
  return filters;
}

/** A weekly schedule covers this moment in the deployment's local time. */
export function openNowSql(timeZone: string): SQL {
  return sql`exists (
    select 1 from service_schedules h
    where h.service_id = s.id
      and h.weekday = extract(isodow from (now() at time zone ${timeZone}))::int
      and h.opens_at <= (now() at time zone ${timeZone})::time
      and h.closes_at > (now() at time zone ${timeZone})::time
      and (h.valid_from is null or h.valid_from <= (now() at time zone ${timeZone})::date)
      and (h.valid_to is null or h.valid_to >= (now() at time zone ${timeZone})::date))`;
}

async function searchServices(
  db: Database | Tx,
  options: DirectorySearchOptions,
  queries: { filter: string; rank: string } | null,
): Promise<ServiceHitRow[]> {
  const filters = serviceFilters(options);
  const openNow = openNowSql(options.timeZone);
  if (!queries) {
    return rowsOf<ServiceHitRow>(
      await db.execute(sql`
        select s.id, s.name, o.id as actor_id, o.name as actor_name, s.availability, s.expected_wait_days,
          s.needs, s.languages, s.free, ${openNow} as open_now, null as highlight, 0::real as rank
        from services s join actors o on o.id = s.actor_id
        where ${sql.join(filters, sql` and `)}
        order by s.name, s.id
        limit ${options.limit}`),
    );
  }
  // Ranked and cut first; the excerpt and "open now" are computed for the page only.
  return rowsOf<ServiceHitRow>(
    await db.execute(sql`
      with query as (select to_tsquery('french', ${queries.filter}) as f, to_tsquery('french', ${queries.rank}) as q),
      hits as (
        select s.id, ts_rank(s.search_vector, query.q) as rank
        from services s, query
        where s.search_vector @@ query.f and ${sql.join(filters, sql` and `)}
        order by rank desc, s.id
        limit ${options.limit}
      )
      select s.id, s.name, o.id as actor_id, o.name as actor_name, s.availability, s.expected_wait_days,
        s.needs, s.languages, s.free, ${openNow} as open_now,
        left(s.description, 600) as highlight,
        hits.rank
      from hits join services s on s.id = hits.id join actors o on o.id = s.actor_id, query
      order by hits.rank desc, s.name, s.id`),
  );
}

async function searchActors(
  db: Database | Tx,
  options: DirectorySearchOptions,
  words: string[],
): Promise<ActorHitRow[]> {
  const filters: SQL[] = [sql`a.active`];
  if (options.keyPersonTeams === undefined) filters.push(sql`true`);
  else if (options.keyPersonTeams.length === 0) filters.push(sql`a.kind = 'organisation'`);
  else
    filters.push(sql`(a.kind = 'organisation' or a.team_id = any(${`{${options.keyPersonTeams.join(',')}}`}::uuid[]))`);
  if (options.language) filters.push(sql`a.languages @> array[${options.language}]::text[]`);
  if (options.neighbourhoodId)
    filters.push(
      sql`exists (select 1 from actor_neighbourhoods n where n.actor_id = a.id and n.neighbourhood_id = ${options.neighbourhoodId})`,
    );
  const limit = Math.min(options.limit, 10);
  if (words.length === 0) {
    return rowsOf<ActorHitRow>(
      await db.execute(sql`
        select a.id, a.kind, a.category, a.name, a.city, 0::real as rank from actors a
        where ${sql.join(filters, sql` and `)} order by a.name, a.id limit ${limit}`),
    );
  }
  const folded = words.join(' ');
  // relais_actor_name_matches keeps the planner on the trigram index (migration 0017).
  return rowsOf<ActorHitRow>(
    await db.execute(sql`
      select a.id, a.kind, a.category, a.name, a.city, m.rank
      from relais_actor_name_matches(${folded}) m join actors a on a.id = m.id
      where ${sql.join(filters, sql` and `)}
      order by m.rank desc, a.name, a.id
      limit ${limit}`),
  );
}

/**
 * One search box over services and actors (decision 0012): every query word is first corrected to
 * indexed words of the directory, then services are matched by full text (every telling word;
 * fewer when that finds nothing) and ranked by ts_rank over all the words (names above needs above
 * descriptions). Actors are matched on their names by trigram word similarity.
 */
export async function searchDirectory(
  db: Database | Tx,
  options: DirectorySearchOptions,
): Promise<{ services: ServiceHitRow[]; actors: ActorHitRow[]; corrections: Correction[] }> {
  const words = options.q ? queryWords(options.q) : [];
  const { groups, corrections, total } = words.length
    ? await correctWords(db, words)
    : { groups: [], corrections: [], total: 0 };
  const serviceOnly = options.need || options.openNow || options.availability?.length;
  const wantServices = options.kind !== 'actor';
  const wantActors = options.kind !== 'service' && !serviceOnly;
  let services: ServiceHitRow[] = [];
  if (wantServices && groups.length) {
    const { filters, rank } = buildQueries(groups, total);
    for (const filter of filters) {
      services = await searchServices(db, options, { filter, rank });
      if (services.length) break;
    }
  } else if (wantServices && words.length === 0) services = await searchServices(db, options, null);
  // ts_headline re-parses and stems every description (a third of the search's time, measured):
  // the excerpt is cut here, around the first word that starts like a query word.
  const prefixes = groups.flatMap((g) => g.words).map((w) => w.slice(0, Math.max(4, w.length - 2)));
  for (const hit of services) hit.highlight = hit.highlight ? highlightExcerpt(hit.highlight, prefixes) : null;
  const actors = wantActors ? await searchActors(db, options, words) : [];
  return { services, actors, corrections };
}
