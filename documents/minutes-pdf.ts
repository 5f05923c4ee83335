// The minutes (procès-verbal) as a PDF in French, rendered from the canonical JSON document.
// The same document always gives the same bytes, so the PDF's SHA-256 can be re-checked by
// rendering again: the creation date is the session's closing time, the file id derives from
// it, streams are left uncompressed (no dependence on the zlib build) and dates are formatted
// without locale data. The bytes still depend on this file and on the pinned pdfkit version.
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { TaggedPdf } from './pdf-document.ts';
import {
  attendanceHowLabel,
  channelLabel,
  decidedByLabel,
  deferralText,
  decisionText,
  exceptionLabel,
  frenchDay,
  frenchDecimal,
  frenchEuros,
  frenchShortDay,
  frenchTime,
  meansLabel,
  modeLabel,
  outcomeLabel,
  personLabel,
  quorumText,
  signerLabel,
  situationLabel,
  statusLabel,
} from './minutes-french.ts';
import {
  isOtherDwellingItem,
  type CandidateExtractDocument,
  type MinutesDocument,
  type MinutesItem,
  type MinutesMeeting,
  type MinutesPerson,
  type MinutesWindow,
  type MinutesWrittenItem,
  type OtherDwellingItem,
} from '../domain/minutes.ts';
import type { MinutesSigner } from '../domain/rules/index.ts';

const smallSize = 8;

/**
 * The renderer's version, named in each PDF's Creator: it changes whenever the bytes of a
 * rendering would (v3: PDF/A-2b and PDF/UA-1 in DejaVu, with signature fields). Verification
 * re-renders only what this version made.
 */
export const minutesRendererVersion = 3;

/** The signature field the minutes reserve for a signer: their PDF signature fills it. */
export const signatureFieldName = (signer: MinutesSigner) => `signature-${signer}`;

/** The minutes' blocks, on the shared tagged document. */
class Writer {
  constructor(readonly doc: TaggedPdf) {}

  title(text: string): void {
    this.doc.heading(1, text, { align: 'center' });
  }

  subtitle(text: string): void {
    this.doc.paragraph(text, { size: 11, align: 'center' });
  }

  heading(text: string): void {
    this.doc.heading(2, text);
  }

  subheading(text: string): void {
    this.doc.heading(3, text);
  }

  paragraph(text: string, indent = 0): void {
    this.doc.paragraph(text, { indent });
  }

  field(label: string, text: string, indent = 0): void {
    this.doc.field(label, text, { indent });
  }

  label(text: string, indent = 0): void {
    this.doc.keepTogether(text, { bold: true, indent }, 2);
    this.doc.paragraph(`${text} :`, { bold: true, indent });
  }

  bullets(lines: string[], indent = 0, empty = 'néant'): void {
    this.doc.list(lines, { indent }, empty);
  }

  gap(lines = 0.4): void {
    this.doc.gap(lines);
  }
}

function membersSection(w: Writer, doc: MinutesDocument | CandidateExtractDocument): void {
  const m = doc.members;
  w.heading('1. Composition et présence');
  w.field('Membres convoqués', String(m.convened.length));
  w.bullets(m.convened.map(personLabel));
  w.field('Membres présents à voix délibérative', String(m.present.length));
  w.bullets(m.present.map((p) => `${personLabel(p)}, ${attendanceHowLabel[p.how] ?? p.how}`
    + (p.standingInFor ? `, siégeant pour ${p.standingInFor.name}` : '')));
  w.field('Membres représentés', String(m.represented.length));
  w.bullets(m.represented.map((r) => `${personLabel(r)}, représenté(e) par ${r.by.name} (pouvoir écrit)`));
  w.field('Membres absents', String(m.absent.length));
  w.bullets(m.absent.map(personLabel));
  const recused = doc.items.flatMap((item) =>
    isOtherDwellingItem(item) ? [] : item.recused.map((p) => `${personLabel(p)}, pour le point n° ${item.position}`));
  w.field('Membres déportés (conflit d’intérêts)', String(recused.length));
  w.bullets(recused);
  w.field('Participants à voix consultative', String(m.consultative.length));
  w.bullets(m.consultative.map(personLabel));
}

function convocationSection(w: Writer, doc: MinutesDocument | CandidateExtractDocument, timeZone: string): void {
  const c = doc.convocation;
  w.heading('Convocation');
  w.field('Ordre du jour publié', c.publishedAt ? `le ${frenchDay(c.publishedAt, timeZone)} à ${frenchTime(c.publishedAt, timeZone)}${c.agendaVersion > 1 ? `, modifié ${c.agendaVersion - 1} fois depuis` : ''}` : 'non publié');
  if (c.urgencyReason) w.field('Convocation en urgence', c.urgencyReason);
  if (c.recordedDeliveries.length) {
    w.label('Convocations remises autrement que par courrier électronique');
    w.bullets(c.recordedDeliveries.map((d) => `${personLabel(d.member)} : ${channelLabel[d.channel]} le ${frenchShortDay(d.deliveredAt, timeZone)} (${d.reason})`));
  }
  if (c.unconvened) {
    w.field('Membres non régulièrement convoqués à l’ouverture', c.unconvened.members.map((p) => p.name).join(', '));
    w.field('Motif de l’ouverture de la séance', c.unconvened.reason);
  }
}

function attendanceSection(w: Writer, doc: MinutesDocument | CandidateExtractDocument, timeZone: string): void {
  w.label('Arrivées et départs');
  w.bullets(doc.attendance.map((a) => `${frenchTime(a.at, timeZone)} : ${personLabel(a.member)} ${a.present ? 'arrive' : 'quitte la séance'} (${attendanceHowLabel[a.how] ?? a.how})`), 0, 'aucun mouvement enregistré');
}

function meetingSection(w: Writer, meeting: MinutesMeeting, timeZone: string, persons: (p: MinutesPerson) => string): void {
  if (meeting.provider !== 'zoom') return;
  w.heading('Connexions à la réunion à distance');
  w.bullets(meeting.joinSessions.map((s) => {
    const who = s.member ? persons(s.member) : `${s.guest ?? 'participant non identifié'} (invité, non identifié comme membre)`;
    const from = s.joinedAt ? `connexion à ${frenchTime(s.joinedAt, timeZone)}` : 'heure de connexion inconnue';
    const to = s.leftAt ? `déconnexion à ${frenchTime(s.leftAt, timeZone)}` : 'présent jusqu’à la clôture';
    return `${who} : ${from}, ${to}`;
  }), 0, 'aucune connexion enregistrée');
}

/** A written session's window as it ran: opening, close, extension, reminders, the participation required. */
function windowSection(w: Writer, window: MinutesWindow, timeZone: string): void {
  const at = (iso: string) => `${frenchDay(iso, timeZone)} à ${frenchTime(iso, timeZone)}`;
  w.heading('Séance écrite');
  w.field('Période de la séance', `ouverte le ${at(window.opensAt)}, clôture fixée au ${at(window.closesAt)}`);
  w.field('Ouverture effective', window.openedAt ? at(window.openedAt) : 'non ouverte');
  w.field('Clôture effective', window.closedAt ? `${at(window.closedAt)}${window.early ? ', anticipée : tous les membres appelés à voter ont voté' : ''}` : 'non close');
  if (window.extension) {
    w.field('Prolongation', `décidée le ${at(window.extension.at)} par ${window.extension.by.name} : clôture reportée du ${at(window.extension.from)} au ${at(window.extension.to)} ; motif : ${window.extension.reason}`);
  }
  w.label('Rappels adressés aux membres n’ayant pas voté');
  w.bullets(window.reminders.map((r) => `${at(r.at)}, ${r.hoursBefore} h avant la clôture : ${r.members} membre(s) concerné(s), ${r.emailed} courriel(s) envoyé(s)`), 0, 'aucun rappel');
  w.paragraph(`Un point n’est décidé que si au moins ${Math.round(window.minimumParticipation * 100)} % des sièges appelés à voter sur ce point ont voté (règlement intérieur) ; `
    + 'chaque membre pouvait modifier son vote jusqu’à la clôture, seul le dernier est compté.');
}

/** A written item's participation, ballots (who and when, not how), debate and referral requests. */
function writtenItemSection(w: Writer, written: MinutesWrittenItem, timeZone: string): void {
  const at = (iso: string) => `${frenchShortDay(iso, timeZone)} à ${frenchTime(iso, timeZone)}`;
  const p = written.participation;
  w.field('Participation', `${p.present + p.represented} siège(s) sur ${p.rosterSize} ont voté (dont ${p.represented} par pouvoir), ${p.required} requis : ${p.reached ? 'atteinte' : 'non atteinte'}`);
  w.label('Votants (dernier vote de chaque siège)');
  w.bullets(written.ballots.map((b) => `${personLabel(b.seat)}${b.castBy.memberId !== b.seat.memberId ? `, voté par ${b.castBy.name}${b.byProxy ? ' (pouvoir)' : ' (suppléant)'}` : ''}, le ${at(b.at)}`), 0, 'aucun vote');
  w.label('Débat écrit');
  if (written.debateWithheld !== undefined) {
    w.paragraph(`${written.debateWithheld} message(s), non reproduits dans cet extrait (ils peuvent concerner d’autres candidats).`, 10);
  } else {
    w.bullets(written.debate.map((d) => `${at(d.at)}, ${d.by.name} : ${d.text}`), 0, 'aucun message');
  }
  if (written.referralRequests.length) {
    w.label('Demandes de renvoi à une séance tenue en direct');
    w.bullets(written.referralRequests.map((r) => `${at(r.at)}, ${personLabel(r.member)} : ${r.reason}`));
  }
}

function itemSection(w: Writer, item: MinutesItem, timeZone: string): void {
  const d = item.dwelling;
  const kind = item.kind === 'occupancy_review' ? 'examen de l’occupation du logement' : 'attribution de logement';
  w.subheading(`Point n° ${item.position} : ${kind}, logement ${d.reference}`);
  const place = [d.address, d.commune].filter(Boolean).join(', ');
  const features = [
    d.type ? `type ${d.type}` : undefined,
    d.surfaceM2 !== undefined ? `${frenchDecimal(d.surfaceM2)} m²` : undefined,
    d.rentCents !== undefined ? `loyer ${frenchEuros(d.rentCents)}` : undefined,
    d.financing ? `financement ${d.financing}` : undefined,
    d.contingent ? `contingent ${d.contingent}` : undefined,
  ].filter((x): x is string => x !== undefined);
  w.field('Logement', [place, features.join(', ')].filter(Boolean).join(' ; ') || d.reference);

  if (item.kind === 'occupancy_review') {
    w.field('Dossier examiné', item.candidatesExamined.map((c) => `n° ${c.applicationNumber}`).join(', ') || 'non renseigné');
  } else {
    w.field('Candidats examinés', String(item.candidatesExamined.length));
    w.bullets(item.candidatesExamined.map((c) => `demande n° ${c.applicationNumber}, rang ${c.rank} proposé`));
  }
  if (item.candidateCheck) {
    const { count, exception } = item.candidateCheck;
    const check = exception
      ? `${count} candidat(s) ; exception enregistrée : ${exceptionLabel[exception] ?? exception}`
      : count >= 3
        ? `${count} candidats présentés : conforme (au moins trois candidats)`
        : `${count} candidat(s) sans exception enregistrée`;
    w.field('Règle des trois candidats', check);
  }
  w.field('Membres déportés sur ce point', item.recused.length ? item.recused.map((p) => p.name).join(', ') : 'aucun');
  if (item.referredFrom) w.field('Renvoyé par une séance écrite', `séance ${item.referredFrom.sessionId} ; motif : ${item.referredFrom.reason}`);
  if (item.written) writtenItemSection(w, item.written, timeZone);

  if (item.votes.length === 0) w.field('Vote', 'aucun vote');
  item.votes.forEach((v, i) => {
    const label = item.votes.length > 1 ? `Vote n° ${i + 1}` : 'Vote';
    w.field(label, `clos à ${frenchTime(v.closedAt, timeZone)} ; ${item.written ? 'participation' : 'quorum'} : ${quorumText(v.quorum)}.`);
    w.paragraph(`Pour : ${v.counts.for}, contre : ${v.counts.against}, abstentions : ${v.counts.abstain}. `
      + `Résultat : ${outcomeLabel[v.outcome] ?? v.outcome}, ${decidedByLabel[v.decidedBy] ?? v.decidedBy}.`, 10);
    if (v.castingVote) w.paragraph(`Usage de la voix prépondérante par ${personLabel(v.castingVote)}.`, 10);
  });

  if (item.deferral) {
    w.field(item.deferral.referral ? (item.written ? 'Renvoi à une séance tenue en direct' : 'Renvoi à une séance en présence physique') : 'Ajournement', deferralText(item.deferral, item.written !== undefined));
  }
  if (item.decisions.length) {
    w.label('Décisions');
    w.bullets(item.decisions.map((dec) => `Demande n° ${dec.applicationNumber} : ${decisionText(dec)}`));
  }
  if (item.opinion) {
    w.field('Avis', `situation constatée : ${situationLabel[item.opinion.situation] ?? item.opinion.situation} ; `
      + `logement adapté au ménage : ${item.opinion.suitableDwelling}`
      + (item.opinion.advice ? ` ; conseil : ${item.opinion.advice}` : ''));
  }
  w.field('Suite', statusLabel[item.status] ?? item.status);
}

/** Renders the minutes, or a candidate's extract of them, as a PDF in French. */
export function renderMinutesPdf(document: MinutesDocument | CandidateExtractDocument): Promise<Buffer> {
  const { committee, session } = document;
  const tz = committee.timeZone;
  const extract = document.document === 'caleol_minutes_extract' ? document : undefined;
  const documentSha256 = sha256Hex(canonicalJson(document));
  const closedAt = new Date(session.closedAt);
  const creationDate = Number.isNaN(closedAt.getTime()) ? new Date(session.scheduledStart) : closedAt;
  const title = extract ? 'Extrait du procès-verbal' : 'Procès-verbal';

  const pdf = new TaggedPdf({
    title: `${title} de la CALEOL ${committee.name}, séance du ${frenchShortDay(session.scheduledStart, tz)}`,
    author: committee.landlord,
    subject: `Session ${session.id}; document SHA-256 ${documentSha256}`,
    creator: `caleol-engine minutes v${minutesRendererVersion}`,
    createdAt: creationDate,
  });

  const w = new Writer(pdf);
  w.title(extract ? 'EXTRAIT DU PROCÈS-VERBAL' : 'PROCÈS-VERBAL');
  w.subtitle('Commission d’attribution des logements et d’examen de l’occupation des logements (CALEOL)');
  w.subtitle(`${committee.name} — ${committee.landlord}`);
  if (extract) {
    w.gap();
    w.paragraph(`Extrait établi pour la demande n° ${extract.extractFor.applicationNumber}. Les données des autres `
      + 'candidats (numéros de demande, rangs, décisions et motifs) sont occultées ; les autres logements examinés '
      + 'ne sont mentionnés que par leur numéro de point.');
  }

  w.heading('Séance');
  w.field('Convocation', `${frenchDay(session.scheduledStart, tz)} à ${frenchTime(session.scheduledStart, tz)} (fuseau horaire ${tz})`);
  w.field('Ouverture', session.openedAt ? `${frenchDay(session.openedAt, tz)} à ${frenchTime(session.openedAt, tz)}` : 'non ouverte');
  w.field('Début des délibérations', session.deliberationsStartedAt ? `${frenchDay(session.deliberationsStartedAt, tz)} à ${frenchTime(session.deliberationsStartedAt, tz)}` : 'la commission n’a pas délibéré');
  w.field('Clôture', `${frenchDay(session.closedAt, tz)} à ${frenchTime(session.closedAt, tz)}`);
  w.field('Modalité', modeLabel[session.mode] ?? session.mode);
  if (session.place) w.field('Lieu', session.place);
  w.field('Moyens', meansLabel(session.means));
  if (session.reconvenedFrom) {
    w.field('Séance reconvoquée', `après la carence de la séance ${session.reconvenedFrom}`);
  }
  if (session.withoutQuorum) w.paragraph('La commission reconvoquée délibère sans condition de quorum.');
  w.field('Référence de la séance', session.id);

  if (document.window) windowSection(w, document.window, tz);
  convocationSection(w, document, tz);
  membersSection(w, document);
  if (document.window) {
    w.heading('2. Participation');
    w.paragraph('En séance écrite, la participation est vérifiée point par point à la clôture (ci-dessous) : un point sans la participation requise est reporté.');
  } else {
    attendanceSection(w, document, tz);
    meetingSection(w, document.meeting, tz, personLabel);
    w.heading('2. Quorum au début des délibérations');
    w.paragraph(document.quorumAtDeliberations
      ? `${quorumText(document.quorumAtDeliberations)}. Le quorum est vérifié à nouveau avant chaque vote (ci-dessous).`
      : 'Le quorum n’a pas été atteint : la commission n’a pas délibéré.');
  }

  w.heading('3. Points examinés');
  if (document.items.length === 0) w.paragraph('Aucun point à l’ordre du jour.');
  for (const item of document.items) {
    if (isOtherDwellingItem(item)) {
      w.subheading(`Point n° ${item.position} : un autre logement examiné`);
      w.paragraph('Données non communiquées (autres candidats).');
    } else {
      itemSection(w, item, tz);
    }
  }
  const items: Array<MinutesItem | OtherDwellingItem> = document.items;
  const referrals = items.filter((i): i is MinutesItem => !isOtherDwellingItem(i) && i.deferral !== null);
  if (referrals.length) {
    w.subheading('Renvois et ajournements');
    w.bullets(referrals.map((i) => `Point n° ${i.position} : ${i.deferral?.referral ? (i.written ? 'renvoyé à une séance tenue en direct' : 'renvoyé à une séance en présence physique') : 'ajourné'} (${i.deferral ? deferralText(i.deferral, i.written !== undefined) : ''})`));
  }

  const decided = items.filter((i): i is MinutesItem => !isOtherDwellingItem(i))
    .flatMap((i) => i.decisions.map((dec) => [`n° ${i.position}`, i.dwelling.reference, `n° ${dec.applicationNumber}`, decisionText(dec)]));
  if (decided.length) {
    w.subheading('Récapitulatif des décisions');
    w.doc.table(['Point', 'Logement', 'Demande', 'Décision'], decided, [0.1, 0.16, 0.22, 0.52]);
  }

  const amendments = extract ? [] : document.amendments ?? [];
  if (amendments.length) {
    w.heading('Rectifications');
    w.paragraph(`Version ${document.version ?? amendments.length + 1} du procès-verbal. Les signatures des versions antérieures ne valent pas pour celle-ci.`);
    for (const a of amendments) {
      w.subheading(`Version ${a.version}, le ${frenchShortDay(a.at, tz)}, par ${a.by.name}`);
      w.field('Motif', a.reason);
      w.field('Rectification', a.text);
    }
  }

  w.heading('4. Signatures');
  w.paragraph('Le présent procès-verbal est signé électroniquement par chacun de ses signataires : chaque signature '
    + 'est une signature PDF (PAdES) qui porte le nom du signataire, sa qualité et l’heure certifiée par une autorité d’horodatage ; '
    + 'le bloc de chaque signature ci-dessous en donne le détail. L’empreinte SHA-256 du document JSON canonique '
    + '(RFC 8785) dont ce PDF est le rendu est :');
  w.paragraph(extract ? extract.sourceSha256 : documentSha256, 10);
  if (extract) {
    w.paragraph('Le présent extrait n’est pas signé : il reproduit, pour le demandeur, le procès-verbal signé dont l’empreinte figure ci-dessus.');
  } else {
    if (document.signers.length === 0) w.paragraph('Aucun signataire désigné.');
    for (const signer of document.signers) {
      w.gap(0.3);
      w.label(signerLabel[signer] ?? signer);
      w.doc.signatureField(signatureFieldName(signer), `Signature : ${signerLabel[signer] ?? signer}`);
    }
  }

  pdf.footers((page, pages) => [
    `${title} — ${committee.name} — séance du ${frenchShortDay(session.scheduledStart, tz)} — page ${page}/${pages}`,
    extract
      ? `Extrait pour la demande n° ${extract.extractFor.applicationNumber} ; procès-verbal d’empreinte SHA-256 ${extract.sourceSha256}`
      : `Empreinte SHA-256 du document : ${documentSha256}`,
  ], smallSize - 1);
  return pdf.end();
}
