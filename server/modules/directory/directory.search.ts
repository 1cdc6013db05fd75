import { sql } from 'drizzle-orm';
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

/**
 * Recomputes `services.search_vector` for these services and adds their words to
 * `directory_words`. Call it after any write that changes a service's text, its needs, its
 * locations or its organisation's name (the HSDS import and the generator call it too).
 *
 * `directory_words.documents` counts the documents a word was seen in when indexed; a word that
 * leaves every document stays until `rebuildDirectoryWords` (it then corrects to nothing and the
 * search tries the next candidate), which keeps each write to the few words it adds.
 */
export async function refreshServiceSearch(db: Database | Tx, serviceIds: string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  const ids = sql`${`{${serviceIds.join(',')}}`}::uuid[]`;
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
    words as (
      select distinct docs.id, word
      from docs, unnest(tsvector_to_array(to_tsvector('simple', docs.a || ' ' || docs.b || ' ' || docs.c || ' ' || docs.d))) as word
      where length(word) between 3 and 40 and word !~ '^[0-9]+$'
    )
    insert into directory_words (word, documents)
    select word, count(*)::int from words group by word
    on conflict (word) do update set documents = directory_words.documents + excluded.documents`);
}

/** Recounts `directory_words` from every service's document (after bulk deletions, say). */
export async function rebuildDirectoryWords(db: Database | Tx): Promise<void> {
  await db.execute(sql`delete from directory_words`);
  await db.execute(sql`
    with docs as (${documentParts}),
    words as (
      select distinct docs.id, word
      from docs, unnest(tsvector_to_array(to_tsvector('simple', docs.a || ' ' || docs.b || ' ' || docs.c || ' ' || docs.d))) as word
      where length(word) between 3 and 40 and word !~ '^[0-9]+$'
    )
    insert into directory_words (word, documents)
    select word, count(*)::int from words group by word`);
}
