import type { AccessRequest } from '../../../core/contracts/rights.ts';

/**
 * The access request as one self-contained HTML page: it opens on any phone, reads aloud with a
 * screen reader, and prints to PDF from the browser, with no font or viewer to install. The JSON
 * beside it is the machine-readable copy of the same facts.
 */
const html = (value: unknown) =>
  String(value ?? '—').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const words = {
  fr: {
    title: 'Données détenues sur',
    generated: 'Document produit le',
    by: 'par',
    person: 'La personne',
    consents: 'Consentements',
    roles: 'Rôles',
    encounters: 'Contacts',
    referrals: 'Orientations',
    bridging: 'Suivis-ponts',
    activities: 'Activités collectives',
    projects: 'Projets',
    incidents: 'Incidents de confidentialité',
    accessLog: 'Qui a consulté ou modifié la fiche',
    none: 'Rien d’enregistré.',
    note: 'Note confidentielle',
    followUp: 'Suivi',
    needs: 'Besoins',
    actions: 'Actions',
    nonRecours: 'Non-recours',
  },
  en: {
    title: 'Data held about',
    generated: 'Document produced on',
    by: 'by',
    person: 'The person',
    consents: 'Consents',
    roles: 'Roles',
    encounters: 'Contacts',
    referrals: 'Referrals',
    bridging: 'Bridging supports',
    activities: 'Collective activities',
    projects: 'Projects',
    incidents: 'Privacy incidents',
    accessLog: 'Who read or changed the record',
    none: 'Nothing recorded.',
    note: 'Confidential note',
    followUp: 'Follow-up',
    needs: 'Needs',
    actions: 'Actions',
    nonRecours: 'Non-take-up',
  },
};

const list = (items: string[], none: string) =>
  items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p>${html(none)}</p>`;
const labels = (coded: { label: string }[]) => coded.map((c) => html(c.label)).join(', ') || '—';

export function accessRequestHtml(doc: AccessRequest): string {
  const w = words[doc.language];
  const p = doc.person;
  const fields: [string, unknown][] = [
    ['id', p.id],
    [doc.language === 'fr' ? 'Surnom' : 'Nickname', p.nickname],
    [doc.language === 'fr' ? 'Prénom' : 'First name', p.firstName],
    [doc.language === 'fr' ? 'Nom' : 'Last name', p.lastName],
    [doc.language === 'fr' ? 'Téléphone' : 'Phone', p.phone],
    ['Email', p.email],
    [doc.language === 'fr' ? 'Tranche d’âge' : 'Age band', p.ageBand],
    [doc.language === 'fr' ? 'Genre' : 'Gender', p.gender],
    [doc.language === 'fr' ? 'Langues' : 'Languages', p.languages.join(', ')],
    [doc.language === 'fr' ? 'Ménage' : 'Household', p.household],
    [
      doc.language === 'fr' ? 'Premier contact' : 'First contact',
      [p.firstContactOn, p.firstContactHow].filter(Boolean).join(' · '),
    ],
    [doc.language === 'fr' ? 'Équipe' : 'Team', p.team],
    [doc.language === 'fr' ? 'Fiche créée le' : 'Record created', p.createdAt],
  ];
  const sections = [
    `<h2>${w.person}</h2><dl>${fields.map(([k, v]) => `<dt>${html(k)}</dt><dd>${html(v || '—')}</dd>`).join('')}</dl>`,
    `<h2>${w.consents}</h2>${list(
      doc.consentHistory.map(
        (c) => `${html(c.occurredAt)} — ${html(c.kind)} ${html(c.scope ?? '')} (${html(c.recordedBy)})`,
      ),
      w.none,
    )}`,
    `<h2>${w.roles}</h2>${list(
      doc.roles.map(
        (r) =>
          `${html(r.role)} : ${html(r.startedOn)} → ${html(r.endedOn ?? '…')} ${r.note ? `— ${html(r.note)}` : ''}`,
      ),
      w.none,
    )}`,
    `<h2>${w.encounters}</h2>${list(
      doc.encounters.map(
        (e) =>
          `<strong>${html(e.occurredAt)}</strong> ${html(e.place ?? e.zone ?? '')}<br>${w.needs} : ${labels(e.needs)}<br>${w.actions} : ${labels(e.actions)}` +
          (e.nonRecours.length
            ? `<br>${w.nonRecours} : ${e.nonRecours.map((n) => `${html(n.right.label)} / ${html(n.barrier.label)} ${n.detail ? html(n.detail) : ''}`).join(' ; ')}`
            : '') +
          (e.followUp.what ? `<br>${w.followUp} : ${html(e.followUp.on)} ${html(e.followUp.what)}` : '') +
          (e.confidentialNote ? `<br>${w.note} : ${html(e.confidentialNote)}` : ''),
      ),
      w.none,
    )}`,
    `<h2>${w.referrals}</h2>${list(
      doc.referrals.map(
        (r) =>
          `<strong>${html(r.referredAt)}</strong> ${html(r.service)} (${html(r.slipNumber)}) — ${html(r.status)}` +
          list(
            r.events.map(
              (ev) => `${html(ev.occurredAt)} ${html(ev.status ?? ev.kind)} ${ev.note ? html(ev.note) : ''}`,
            ),
            '',
          ),
      ),
      w.none,
    )}`,
    `<h2>${w.bridging}</h2>${list(
      doc.bridgingSupports.map((b) => `${html(b.startedOn)} ${html(b.purpose ?? '')} (${b.contacts.length})`),
      w.none,
    )}`,
    `<h2>${w.activities}</h2>${list(
      doc.activities.map((a) => `${html(a.onDate)} ${html(a.activity)} (${html(a.role)})`),
      w.none,
    )}`,
    `<h2>${w.projects}</h2>${list(
      doc.projects.map((p) => `${html(p.project)} — ${html(p.role)} (${html(p.since)})`),
      w.none,
    )}`,
    `<h2>${w.incidents}</h2>${list(
      doc.incidents.map((i) => `${html(i.occurredOn)} ${html(i.nature)} — ${html(i.dataConcerned)}`),
      w.none,
    )}`,
    `<h2>${w.accessLog}</h2>${list(
      doc.accessLog.map(
        (a) =>
          `${html(a.at)} — ${html(a.who)} (${html(a.role)}) : ${html(a.action)} ${html(a.what)}${a.reason ? ` — ${html(a.reason)}` : ''}`,
      ),
      w.none,
    )}`,
  ];
  return `<!doctype html>
<html lang="${doc.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w.title} ${html(p.nickname)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}dt{font-weight:600}dd{margin:0 0 .5rem}li{margin:.4rem 0}</style>
</head><body><h1>${w.title} ${html(p.nickname)}</h1>
<p>${w.generated} ${html(doc.generatedAt)} ${w.by} ${html(doc.generatedBy)}</p>
${sections.join('\n')}
</body></html>
`;
}
