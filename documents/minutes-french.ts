// The French wording of the minutes: labels for the document's codes, dates and amounts. Dates
// are formatted by hand from numeric parts (not with a locale's long format), so the PDF bytes
// do not change with the ICU data of the Node version that renders them.
import type { ConvocationChannel, Deferral, AgendaItemStatus, SessionMode } from '../domain/session/index.ts';
import type {
  CandidateShortfallException,
  DecidingRule,
  MemberRole,
  MinutesSigner,
  OccupancySituation,
  QuorumSnapshot,
  TallyOutcome,
} from '../domain/rules/index.ts';
import type { MinutesDecision, MinutesPerson } from '../domain/minutes.ts';

const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const weekdays = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

interface LocalTime { year: number; month: number; day: number; hour: number; minute: number }

function localTime(iso: string, timeZone: string): LocalTime | undefined {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return undefined;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

function dayName(year: number, month: number, day: number): string {
  return weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
}

function dayText(year: number, month: number, day: number): string {
  return `${day === 1 ? '1er' : String(day)} ${months[month - 1] ?? String(month)} ${year}`;
}

/** "lundi 16 juin 2025". */
export function frenchDay(iso: string, timeZone: string): string {
  const t = localTime(iso, timeZone);
  return t ? `${dayName(t.year, t.month, t.day)} ${dayText(t.year, t.month, t.day)}` : iso;
}

/** "9 h 30". */
export function frenchTime(iso: string, timeZone: string): string {
  const t = localTime(iso, timeZone);
  return t ? `${t.hour} h ${String(t.minute).padStart(2, '0')}` : iso;
}

/** "16/06/2025". */
export function frenchShortDay(iso: string, timeZone: string): string {
  const t = localTime(iso, timeZone);
  return t ? `${String(t.day).padStart(2, '0')}/${String(t.month).padStart(2, '0')}/${t.year}` : iso;
}

/** A calendar date (YYYY-MM-DD) as "15 juillet 2025". */
export function frenchDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return dayText(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** "520,00 €", thousands grouped with a no-break space. */
export function frenchEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${units},${String(abs % 100).padStart(2, '0')}\u00a0€`;
}

/** A decimal written with a point ("68.5") in French ("68,5"). */
export function frenchDecimal(text: string): string {
  return text.replace('.', ',');
}

export const modeLabel: Record<SessionMode, string> = {
  in_person: 'en présence physique',
  remote: 'à distance (ordonnance n° 2014-1329)',
  mixed: 'mixte (en présence physique et à distance)',
  written: 'séance écrite, par échange d’écrits électroniques (ordonnance n° 2014-1329, art. 3)',
};

const meansLabels: Record<string, string> = {
  'Zoom videoconference; attendance from the meeting': 'visioconférence Zoom, présence relevée par la réunion',
  'attendance recorded by the secretary': 'présence relevée par le secrétariat de séance',
  'written deliberation online; participation from the ballots and the debate': 'délibération écrite en ligne ; participation établie par les votes et le débat écrit',
};

export function meansLabel(means: string): string {
  return meansLabels[means] ?? means;
}

const roleLabels: Record<MemberRole | 'unknown', string> = {
  board_member: 'administrateur désigné par le conseil',
  board_substitute: 'suppléant',
  prefect: 'préfet ou son représentant',
  epci_president: "président de l'EPCI ou son représentant",
  mayor: 'maire ou son représentant',
  social_organisation: "représentant d'une association agréée",
  reservataire: 'réservataire',
  social_services: 'services sociaux',
  staff: 'personnel du bailleur',
  unknown: 'qualité non renseignée',
};

export function personLabel(p: MinutesPerson): string {
  return `${p.name} (${roleLabels[p.role] ?? p.role})`;
}

export const attendanceHowLabel: Record<'manual' | 'zoom' | 'written', string> = {
  manual: 'présence relevée par le secrétariat',
  zoom: 'par visioconférence (Zoom)',
  written: 'a pris part à la séance écrite',
};

export const exceptionLabel: Record<CandidateShortfallException, string> = {
  insufficient_candidates: 'insuffisance de candidats',
  dalo_designation: 'désignation par le préfet au titre du DALO',
  financing_d331_25_1: "logement financé au titre de l'article D331-25-1 du CCH",
};

export const outcomeLabel: Record<TallyOutcome, string> = {
  adopted: 'proposition adoptée',
  rejected: 'proposition rejetée',
  no_decision: 'aucune décision',
};

export const decidedByLabel: Record<DecidingRule, string> = {
  majority_of_votes_cast: 'à la majorité des suffrages exprimés',
  majority_of_present_or_represented: 'à la majorité des membres présents ou représentés',
  casting_vote_of_mayor: 'par la voix prépondérante du maire de la commune',
  tie_without_mayor: 'partage égal des voix, en l’absence du maire de la commune',
  no_votes_cast: 'aucun suffrage exprimé',
};

export const statusLabel: Record<AgendaItemStatus, string> = {
  pending: 'point non délibéré',
  voting: 'vote non clos',
  decided: 'point délibéré',
  deferred: 'point ajourné',
};

export const situationLabel: Record<OccupancySituation, string> = {
  over_occupation: 'sur-occupation du logement',
  under_occupation: 'sous-occupation du logement',
  adapted_dwelling_not_needed: "logement adapté dont l'adaptation n'est plus nécessaire",
  disability_or_loss_of_autonomy: "handicap ou perte d'autonomie",
  income_above_ceiling: 'ressources supérieures aux plafonds',
};

export const signerLabel: Record<MinutesSigner, string> = {
  chair: 'Le président de la commission',
  secretary: 'Le secrétaire de séance',
};

export function quorumText(q: QuorumSnapshot): string {
  return `${q.present} présent(s) et ${q.represented} représenté(s) sur ${q.rosterSize} membre(s) à voix délibérative, `
    + `${q.required} requis : quorum ${q.reached ? 'atteint' : 'non atteint'}`;
}

export function decisionText(d: MinutesDecision): string {
  const rank = d.rank !== null ? ` en rang ${d.rank}` : '';
  const reasons = d.reasons ? ` Motifs : ${d.reasons}` : '';
  switch (d.type) {
    case 'attribution':
      return `Attribution du logement${rank}.${reasons}`;
    case 'ranked_attribution':
      return `Attribution${rank} (classement par ordre de priorité).${reasons}`;
    case 'conditional_attribution':
      return `Attribution${rank} sous condition suspensive : pièce à fournir « ${d.conditionDocument ?? 'non précisée'} »`
        + `, au plus tard le ${d.conditionDeadline ? frenchDate(d.conditionDeadline) : '(délai non précisé)'}.${reasons}`;
    case 'non_attribution':
      return `Non-attribution.${reasons || ' Motifs : non renseignés.'}`;
    case 'rejection':
      return `Rejet pour irrecevabilité de la demande.${reasons || ' Motifs : non renseignés.'}`;
    case 'deferred':
      return `Décision ajournée.${reasons}`;
  }
}

export const channelLabel: Record<ConvocationChannel, string> = {
  email: 'par courrier électronique',
  hand_delivery: 'remise en main propre',
  registered_letter: 'lettre recommandée',
};

/** Why an item left the sitting undecided, as the minutes and the letters state it. */
export function deferralText(deferral: { cause: Deferral['cause']; reason?: string | null | undefined }, written = false): string {
  switch (deferral.cause) {
    case 'tie_without_mayor':
      return 'partage égal des voix sans voix prépondérante du maire de la commune : le point est reporté à une séance ultérieure';
    case 'referral':
      return written
        ? `renvoi à une séance tenue en direct, à la demande de membres votants : ${deferral.reason ?? 'motif non précisé'}`
        : `renvoi à une séance en présence physique à la demande d’un membre votant : ${deferral.reason ?? 'motif non précisé'}`;
    case 'deferral':
      return deferral.reason ?? 'examen reporté à une séance ultérieure';
    case 'participation_not_reached':
      return 'participation insuffisante à la clôture de la séance écrite : le point est reporté à une séance ultérieure';
    case 'proposal_rejected':
      return 'proposition non adoptée à la clôture de la séance écrite : le point est reporté à une séance ultérieure';
    case 'no_proposal':
      return 'aucune proposition soumise au vote pendant la séance écrite : le point est reporté à une séance ultérieure';
  }
}
