// Every string the application shows, in one catalogue: French now; another language is another
// object of the same type. Words of the law are the CCH's (commission d'attribution, quorum,
// voix prépondérante), the engine's codes are mapped here and nowhere else.

const phase = {
  draft: 'En préparation', convened: 'Convoquée', open: 'Ouverte', deliberating: 'En délibération', closed: 'Close',
  minutes_drafted: 'Procès-verbal rédigé', signed: 'Procès-verbal signé', notified: 'Décisions notifiées', completed: 'Terminée',
  adjourned: 'Ajournée (carence)', cancelled: 'Annulée',
} as const;

const mode = { remote: 'À distance', in_person: 'En présentiel', mixed: 'Mixte (présentiel et à distance)', written: 'Séance écrite (vote en ligne sur une période)' } as const;

const memberRole = {
  board_member: 'Administrateur', board_substitute: 'Administrateur suppléant', prefect: 'Représentant du préfet',
  epci_president: 'Président de l\'EPCI', mayor: 'Maire', social_organisation: 'Association agréée', reservataire: 'Réservataire',
  social_services: 'Services sociaux', staff: 'Personnel du bailleur',
} as const;

const userRole = { secretary: 'Secrétariat', member: 'Membre', chair: 'Président(e)', auditor: 'Audit', ops: 'Exploitation' } as const;

const convocationStatus = { convened: 'Convoqué dans les délais', late: 'Convoqué hors délai', not_convened: 'Non convoqué' } as const;

const decisionType = {
  attribution: 'Attribution', ranked_attribution: 'Attribution par ordre de priorité', conditional_attribution: 'Attribution sous condition suspensive',
  non_attribution: 'Non-attribution', rejection: 'Rejet pour irrecevabilité', deferred: 'Ajournement',
} as const;

const choice = { for: 'Pour', against: 'Contre', abstain: 'Abstention' } as const;

const outcome = { adopted: 'Adoptée', rejected: 'Rejetée', no_decision: 'Pas de décision' } as const;

const itemStatus = { pending: 'À examiner', voting: 'Vote en cours', decided: 'Décidé', deferred: 'Reporté' } as const;

const deferralCause = {
  deferral: 'reporté par le secrétariat', referral: 'renvoyé à une séance en direct', tie_without_mayor: 'partage des voix sans voix prépondérante',
  participation_not_reached: 'participation insuffisante', proposal_rejected: 'proposition non adoptée', no_proposal: 'aucune proposition soumise au vote',
} as const;

const stuckKind = {
  workflow_task_failing: 'Le déroulé de la séance est en erreur', activity_retrying: 'Une tâche (envoi, document) échoue et est retentée',
  no_progress: 'Aucune progression depuis plus longtemps que prévu', waiting_on_people: 'En attente d\'une action des personnes',
} as const;

const severity = { critical: 'Critique', high: 'Élevée', medium: 'Moyenne', low: 'Faible' } as const;

const opsAction = { retry: 'Relancer la tâche', cancel: 'Annuler proprement', terminate: 'Arrêter immédiatement', reset: 'Reprendre au dernier point sûr' } as const;

const notificationKind = {
  decision_letter: 'Lettre de décision', offer_letter: 'Proposition de logement', minutes_to_prefect: 'Procès-verbal au préfet',
  signature_reminder: 'Rappel de signature', signature_escalation: 'Relance de signature', session_cancellation: 'Annulation de la séance',
  vote_reminder: 'Rappel de vote (séance écrite)',
} as const;

/** The steps of the audit trail, as the timeline names them. */
const eventType: Record<string, string> = {
  session_scheduled: 'Séance programmée', agenda_item_added: 'Point ajouté', agenda_item_removed: 'Point retiré', agenda_published: 'Ordre du jour publié',
  agenda_amended: 'Ordre du jour modifié', convocations_sent: 'Convocations envoyées', convocation_delivered: 'Convocation remise',
  session_cancelled: 'Séance annulée', cancellation_sent: 'Annulation envoyée', minutes_amendment_requested: 'Rectification demandée',
  session_opened: 'Séance ouverte', deliberations_started: 'Délibérations ouvertes', attendance_recorded: 'Présence enregistrée',
  attendance_reconciled: 'Présences rapprochées du rapport Zoom', attendance_not_reconciled: 'Présences non rapprochées', participant_mapped: 'Participant identifié',
  proxy_registered: 'Procuration donnée', proxy_revoked: 'Procuration révoquée', conflict_declared: 'Conflit d\'intérêts déclaré',
  vote_opened: 'Vote ouvert', vote_cast: 'Bulletin', vote_closed: 'Vote clos', item_deferred: 'Point reporté ou renvoyé',
  session_adjourned: 'Séance ajournée (carence)', session_reconvened: 'Séance reconvoquée', session_closed: 'Séance close',
  minutes_drafted: 'Procès-verbal rédigé', minutes_amended: 'Procès-verbal rectifié', minutes_signed: 'Procès-verbal signé',
  signature_reminder_sent: 'Rappel de signature', signatures_overdue: 'Signatures en retard', applicants_notified: 'Candidats notifiés',
  offers_started: 'Propositions lancées', offer_made: 'Logement proposé', offer_accepted: 'Proposition acceptée', offer_declined: 'Proposition refusée',
  offer_expired: 'Proposition expirée', dwelling_to_reallocate: 'Logement à réattribuer', session_completed: 'Séance terminée', ops_action: 'Action d\'exploitation',
  window_opened: 'Séance écrite ouverte', message_posted: 'Message au débat écrit', referral_requested: 'Demande de renvoi', window_extended: 'Séance écrite prolongée',
  voters_reminded: 'Rappel de vote', window_closed: 'Séance écrite close',
};

/** The refusals a person can meet from these pages, in their words; others fall back on the API's text. */
const rules: Record<string, string> = {
  written_sessions_allowed: 'Le règlement intérieur de la commission ne prévoit pas de séance écrite.',
  written_window_bounds: 'La durée de la séance écrite sort des bornes du règlement intérieur.',
  written_window_open: 'La séance écrite est close : plus de vote ni de message.',
  window_extended_once: 'La séance écrite a déjà été prolongée une fois.',
  window_extension_bounds: 'La nouvelle clôture doit être plus tardive, dans la limite du règlement intérieur.',
  written_early_close_allowed: 'Le règlement intérieur ne prévoit pas de clôture anticipée.',
  written_early_close_all_voted: 'Tous les membres appelés à voter n\'ont pas encore voté.',
  referral_requested_once: 'Vous avez déjà demandé le renvoi de ce point.',
  messages_per_item: 'Vous avez atteint le nombre de messages permis sur ce point.',
  agenda_not_empty: 'Un ordre du jour sans point ne peut pas être publié.',
  convocation_before_sitting: 'L\'heure de la séance est passée : programmez une autre séance.',
  notice_period: 'Le délai de convocation n\'est pas respecté : indiquez le motif d\'urgence ou choisissez une date plus lointaine.',
  scheduled_in_future: 'La séance doit être programmée à une date à venir.',
  sitting_at_convened_time: 'La séance ne peut pas être ouverte avant l\'heure de convocation.',
  three_candidates_per_dwelling: 'Trois candidats au moins sont à présenter par logement, sauf exception prévue par la loi (insuffisance de candidats, désignation DALO, financement D331-25-1).',
  item_needs_candidates: 'Un logement doit être présenté avec ses candidats.',
  dwelling_once_per_agenda: 'Ce logement est déjà à l\'ordre du jour.',
  candidates_distinct: 'Chaque candidat apparaît une fois, avec son propre rang.',
  ranks_distinct: 'Deux candidats ne peuvent pas avoir le même rang.',
  quorum_before_each_vote: 'Le quorum n\'est pas atteint : le vote ne peut pas être ouvert.',
  one_vote_at_a_time: 'Un autre vote est déjà ouvert : clôturez-le d\'abord.',
  vote_open: 'Aucun vote n\'est ouvert sur ce point.',
  voter_present: 'Vous devez être présent(e) à la séance pour voter.',
  vote_in_person_or_by_proxy: 'Vous ne pouvez voter que pour vous-même ou pour un membre qui vous a donné procuration.',
  ballots_per_seat: 'Un vote a déjà été enregistré pour ce siège.',
  voting_roster: 'Ce membre n\'a pas voix délibérative.',
  conflict_of_interest: 'Vous avez déclaré un conflit d\'intérêts sur ce point : vous ne prenez pas part au vote.',
  conflict_before_vote: 'Un conflit d\'intérêts se déclare avant l\'ouverture du vote.',
  conflict_declared_once: 'Ce conflit d\'intérêts est déjà déclaré.',
  every_item_decided_or_deferred: 'Chaque point doit être décidé ou reporté avant de clore la séance.',
  one_proxy_per_principal: 'Ce membre a déjà donné une procuration.',
  proxies_per_holder: 'Ce membre détient déjà le nombre maximal de procurations.',
  proxy_to_another_member: 'Une procuration se donne à un autre membre.',
  proxy_to_voting_member: 'Une procuration se donne à un membre ayant voix délibérative.',
  proxy_from_voting_member: 'Seul un membre ayant voix délibérative peut donner procuration.',
  holder_not_represented: 'Le mandataire a lui-même donné procuration.',
  chair_signs_minutes: 'Le procès-verbal est signé par le président de séance.',
  sign_current_minutes: 'Le procès-verbal a changé depuis son affichage : rechargez la page et relisez-le.',
  sign_latest_pdf: 'Une autre signature vient d\'être ajoutée : rechargez la page et signez la dernière version.',
  sign_once: 'Vous avez déjà signé ce procès-verbal.',
  session_finished: 'Cette séance est terminée : elle ne peut plus être modifiée.',
  session_phase: 'Cette action n\'est pas possible à cette étape de la séance.',
  deferral_needs_reason: 'Le report d\'un point est motivé.',
  cancellation_needs_reason: 'L\'annulation d\'une séance est motivée.',
  published_agenda_change_needs_reason: 'Un ordre du jour publié ne change qu\'avec un motif : chaque membre reçoit la nouvelle version.',
  same_origin_writes: 'La demande doit venir des pages de l\'application.',
  committee_scope: 'Cette commission n\'est pas dans votre périmètre.',
  one_attribution_per_dwelling: 'Un logement n\'est attribué qu\'à un candidat (les autres par ordre de priorité).',
  one_decision_per_candidate: 'Chaque candidat reçoit une et une seule décision.',
  allocation_gives_decisions: 'La proposition donne une décision pour chaque candidat.',
  condition_deadline_after_sitting: 'Le délai de la condition suspensive doit suivre la séance.',
  remote_sessions_allowed: 'Le règlement intérieur de la commission n\'autorise pas les séances à distance.',
};

export const fr = {
  appName: 'CALEOL',
  appTitle: 'Séances de la commission d\'attribution',
  skipToContent: 'Aller au contenu',
  nav: { home: 'Accueil', ops: 'Exploitation', audit: 'Audit', signOut: 'Se déconnecter', label: 'Navigation principale' },
  signIn: {
    title: 'Connexion', demoIntro: 'Environnement de démonstration : choisissez la personne sous le nom de laquelle vous vous connectez.',
    as: (label: string) => `Se connecter : ${label}`, failed: 'La connexion a échoué.', noDemo: 'La connexion passe par le fournisseur d\'identité de votre organisme.', withProvider: 'Se connecter avec le compte de mon organisme',
  },
  loading: 'Chargement…',
  retry: 'Réessayer',
  error: (message: string) => `Erreur : ${message}`,
  signedInAs: (name: string, roles: string) => `Connecté(e) : ${name} (${roles})`,
  phase, mode, memberRole, userRole, convocationStatus, decisionType, choice, outcome, itemStatus, deferralCause, stuckKind, severity, opsAction, notificationKind, eventType,
  phaseLabel: 'Étape',
  home: {
    title: 'Tableau de bord',
    groups: { upcoming: 'À venir', live: 'En séance', signatures: 'En attente de signatures', done: 'Terminées', attention: 'À surveiller' },
    none: 'Aucune séance.',
    memberTitle: 'Mes séances',
    committee: (name: string, landlord: string) => `${name} — ${landlord}`,
  },
  schedule: {
    title: 'Programmer une séance', committee: 'Commission', start: (tz: string) => `Date et heure de la séance (heure de ${tz})`,
    mode: 'Mode de réunion', place: 'Lieu (salle et adresse)', submit: 'Programmer la séance', placeNeeded: 'Une séance en présentiel ou mixte indique son lieu.',
    done: 'Séance programmée.',
    closes: (tz: string) => `Clôture de la séance écrite (heure de ${tz})`,
    closesHint: 'Les membres débattent et votent en ligne entre l\'ouverture et la clôture ; la durée est bornée par le règlement intérieur.',
  },
  written: {
    title: 'Séance écrite', boardTitle: 'Tableau de la séance écrite',
    opens: (date: string) => `Ouverture : ${date}`, closes: (date: string) => `Clôture : ${date}`,
    notYetOpen: 'La séance s\'ouvrira d\'elle-même à l\'heure d\'ouverture : les votes et le débat commencent alors.',
    open: 'La séance est ouverte : les membres débattent et votent jusqu\'à la clôture ; chaque vote peut être modifié jusque-là.',
    closed: (date: string) => `Séance close le ${date}.`, early: ' (clôture anticipée : tous les membres ont voté)',
    extended: (from: string, reason: string) => `Prolongée (clôture initiale : ${from}) — motif : ${reason}`,
    debate: 'Débat écrit', noMessages: 'Aucun message pour le moment.', post: 'Publier le message', postLabel: 'Votre message (conservé et reproduit au procès-verbal)',
    posted: 'Message publié.', by: (name: string, at: string) => `${name}, ${at}`,
    yourVote: (c: string, at: string) => `Votre vote actuel : « ${c} » (${at}). Vous pouvez le modifier jusqu'à la clôture.`,
    seatVote: (name: string, c: string, at: string) => `Vote actuel pour ${name} : « ${c} » (${at}).`,
    noProposal: 'Aucune proposition n\'est encore soumise au vote sur ce point.',
    participation: (voted: number, roster: number, required: number) => `${voted} vote(s) sur ${roster} siège(s) ; ${required} requis pour que le point soit décidé.`,
    missing: (names: string) => `N'ont pas encore voté : ${names}.`, allVoted: 'Tous les sièges ont voté.',
    referralCount: (n: number) => `${n} demande(s) de renvoi à une séance en direct.`,
    refer: 'Demander le renvoi de ce point à une séance tenue en direct', referSubmit: 'Demander le renvoi', referred: 'Demande de renvoi enregistrée.',
    extend: 'Prolonger la séance (une seule fois)', extendTo: (tz: string) => `Nouvelle clôture (heure de ${tz})`, extendReason: 'Motif de la prolongation',
    extendSubmit: 'Prolonger', extendedDone: 'Séance prolongée.', closeEarly: 'Clore la séance par anticipation',
    closeEarlyHint: 'Possible seulement si le règlement intérieur le prévoit et que tous les membres appelés à voter ont voté.',
    reminders: (n: number) => `${n} rappel(s) envoyé(s) aux membres n'ayant pas voté.`,
    propose: 'Soumettre la proposition au vote',
  },
  session: {
    title: (date: string) => `Séance du ${date}`,
    back: 'Retour au tableau de bord',
    when: 'Date et heure', tz: (tz: string) => `heure de ${tz}`, where: 'Lieu', how: 'Mode',
    live: 'Mises à jour en direct', offline: 'Mises à jour interrompues : reconnexion…', ended: 'Séance terminée : son état n\'évolue plus.',
    cancelled: (reason: string) => `Séance annulée : ${reason}`,
  },
  agenda: {
    title: 'Ordre du jour', empty: 'Aucun point à l\'ordre du jour.', item: (n: number, reference: string) => `Point ${n} — logement ${reference}`,
    add: 'Ajouter un logement', dwelling: 'Logement', reference: 'Référence', address: 'Adresse', commune: 'Commune', epci: 'EPCI', type: 'Typologie',
    surface: 'Surface (m²)', rent: 'Loyer mensuel (€)', financing: 'Financement', contingent: 'Contingent (réservataire)',
    candidates: 'Candidats, par rang', candidate: (rank: number) => `Candidat n° ${rank}`, applicationNumber: 'Numéro unique de la demande',
    household: 'Composition du foyer', priority: 'Priorité (DALO, PDALHPD…)', addCandidate: 'Ajouter un candidat', removeCandidate: (rank: number) => `Retirer le candidat n° ${rank}`,
    moveUp: (rank: number) => `Monter le candidat n° ${rank}`, moveDown: (rank: number) => `Descendre le candidat n° ${rank}`,
    threeRule: (count: number) => count >= 3
      ? `${count} candidats : la règle des trois candidats est respectée (art. R441-3 CCH).`
      : `${count} candidat${count > 1 ? 's' : ''} : trois candidats sont à présenter, sauf exception à justifier (art. R441-3 CCH).`,
    exception: 'Exception à la règle des trois candidats',
    exceptions: {
      '': 'Aucune (trois candidats ou plus)', insufficient_candidates: 'Insuffisance du nombre de candidats',
      dalo_designation: 'Candidat désigné par le préfet (DALO)', financing_d331_25_1: 'Logement financé au titre de l\'art. D331-25-1 CCH',
    },
    reason: 'Motif de la modification (un ordre du jour publié est renvoyé à chaque membre)',
    submit: 'Ajouter à l\'ordre du jour', remove: (n: number) => `Retirer le point ${n}`, removed: 'Point retiré.', added: 'Point ajouté.',
    files: 'Dossier', rentValue: (euros: string) => `${euros} par mois`, priorityLabel: 'Priorité',
  },
  publish: {
    title: 'Publication et convocations', urgency: 'Motif d\'urgence (seulement si le délai de convocation ne peut pas être respecté)',
    submit: 'Publier l\'ordre du jour et convoquer', published: (date: string, version: number) => `Publié le ${date} (version ${version})`,
    convocations: 'Convocations', member: 'Membre', status: 'Statut', delivered: 'Remise', failure: 'Échec d\'envoi',
    failed: (reason: string, attempts: number, retry: string) => `${reason} — ${attempts} tentative(s), nouvel essai ${retry}`,
    deliveryTitle: 'Remise d\'une convocation par un autre moyen que le courriel', channel: 'Moyen de remise',
    channels: { hand_delivery: 'En main propre', registered_letter: 'Lettre recommandée' }, deliveredAt: (tz: string) => `Remise le (heure de ${tz})`,
    deliveryReason: 'Motif (pourquoi pas par courriel)', recordDelivery: 'Enregistrer la remise', deliveryRecorded: 'Remise enregistrée.',
  },
  offers: {
    title: 'Propositions de logement', caption: 'Propositions aux candidats retenus, par logement et par rang',
    dwelling: 'Logement', application: 'Demande', offeredAt: 'Proposée le', deadline: 'Réponse attendue avant', status: 'Réponse',
    rank: (rank: number) => `rang ${rank}`, statuses: { offered: 'En attente', accepted: 'Acceptée', declined: 'Refusée', expired: 'Sans réponse dans le délai (refus)' },
    reason: 'Ce qu\'a dit le candidat (facultatif)', accept: 'Enregistrer l\'acceptation', decline: 'Enregistrer le refus', recorded: 'Réponse enregistrée.',
    byEmail: 'courriel', byPost: 'courrier à poster', until: (day: string) => `${day} inclus`, forApplication: (n: string) => `demande ${n}`,
    letter: (kind: string, n: string) => `Télécharger : ${kind}, ${n}`,
  },
  sitting: {
    title: 'Séance en direct', open: 'Ouvrir la séance', openFrom: (time: string) => `La séance peut être ouverte à partir de ${time}.`,
    attendance: 'Présences', present: 'Présent(e)', since: (time: string, how: string) => `depuis ${time} (${how})`,
    how: { manual: 'saisie du secrétariat', zoom: 'Zoom' },
    proxies: 'Procurations', proxyOf: (principal: string, holder: string) => `${principal} a donné procuration à ${holder}`, none: 'Aucune procuration.',
    quorum: 'Quorum', quorumLine: (present: number, represented: number, required: number, roster: number) =>
      `${present} présent(s) et ${represented} représenté(s) sur ${roster} membres ayant voix délibérative ; ${required} requis.`,
    reached: 'Quorum atteint', notReached: 'Quorum non atteint',
    close: 'Clore la séance', closeHint: 'Chaque point doit être décidé ou reporté.',
    participants: 'Participants à la réunion Zoom', joined: (time: string) => `arrivé(e) à ${time}`, left: (time: string) => `parti(e) à ${time}`,
    whoIs: (label: string) => `Membre correspondant à « ${label} »`, map: 'Associer', mapped: 'Participant associé.',
  },
  vote: {
    openTitle: 'Ouvrir le vote sur la proposition du rapporteur', proposalFor: (n: string) => `Proposition pour la demande ${n}`,
    decision: 'Décision proposée', rank: 'Rang', reasons: 'Motifs (obligatoires pour une non-attribution ou un rejet)',
    conditionDocument: 'Pièce attendue', conditionDeadline: 'Date limite', open: 'Ouvrir le vote', close: 'Clore le vote',
    tally: (f: number, a: number, abs: number, cast: number) => `${f} pour, ${a} contre, ${abs} abstention(s) — ${cast} vote(s) exprimé(s)`,
    quorumAtOpening: 'Quorum à l\'ouverture du vote',
    result: (outcome: string, f: number, a: number, abs: number) => `${outcome} : ${f} pour, ${a} contre, ${abs} abstention(s)`,
    casting: 'voix prépondérante du maire', defer: 'Reporter le point', deferReason: 'Motif du report', refer: 'Renvoyer le point',
    memberTitle: 'Vote en cours', memberQuestion: (reference: string) => `Votre vote sur le logement ${reference}`,
    ownSeat: 'Mon vote', cast: (c: string) => `Voter « ${c} »`, forSeat: (name: string) => `Pour le siège de ${name} (procuration)`,
    recorded: (c: string, time: string) => `Votre vote « ${c} » a été enregistré à ${time}.`,
    recordedFor: (name: string, c: string, time: string) => `Le vote « ${c} » pour ${name} a été enregistré à ${time}.`,
    noneOpen: 'Aucun vote n\'est ouvert pour le moment. Cette page se met à jour dès qu\'un vote s\'ouvre.',
    notPresent: 'Vous n\'êtes pas inscrit(e) comme présent(e) : le secrétariat enregistre votre présence.',
    conflict: 'Vous avez déclaré un conflit d\'intérêts sur ce point : vous ne votez pas.',
    decisions: 'Décisions',
  },
  member: {
    convocation: 'Ma convocation', join: 'Rejoindre la réunion', noLink: 'Le lien de la réunion vous est communiqué par le secrétariat.',
    proxyTitle: 'Procuration', giveProxy: 'Donner procuration à', give: 'Donner procuration', revoke: 'Révoquer ma procuration',
    myProxy: (holder: string) => `Vous avez donné procuration à ${holder}.`, heldProxies: (names: string) => `Vous détenez la procuration de : ${names}.`,
    conflict: 'Déclarer un conflit d\'intérêts', conflictDeclared: 'Conflit d\'intérêts déclaré',
    noItems: 'Aucun point de cet ordre du jour ne relève de votre périmètre.',
    joinPersonal: 'Ce lien est personnel : il vous identifie pour le quorum et les votes. Ne le transmettez pas.',
    refer: 'Demander l\'examen de ce point en séance physique', referReason: 'Motif de la demande de renvoi',
    referSubmit: 'Renvoyer le point en séance physique', referred: 'Le point est renvoyé à une séance physique.',
  },
  minutes: {
    title: 'Procès-verbal', download: 'Télécharger le procès-verbal (PDF)', fingerprint: 'Empreinte SHA-256',
    signatures: 'Signatures', signedBy: (name: string, role: string, date: string) => `${name} (${role}), le ${date}`, unsigned: 'Pas encore signé.',
    sign: 'Signer le procès-verbal', signIntro: 'Vous signez le procès-verbal dont l\'empreinte est affichée ci-dessus. Lisez-le avant de signer.',
    signed: 'Procès-verbal signé.', letters: 'Lettres et propositions', verification: 'Vérification du procès-verbal',
    verified: 'Vérification réussie : le document, son empreinte, le PDF et les signatures concordent.', problems: 'Anomalies relevées',
    signerRole: { chair: 'président(e) de séance', secretary: 'secrétaire de séance' }, signAsSecretary: 'Signer le procès-verbal en tant que secrétaire',
    awaiting: (roles: string) => `Signature attendue : ${roles}.`, redrafting: 'Une nouvelle version du procès-verbal est en cours de rédaction.',
    amendments: 'Rectifications', amendmentLine: (version: number, at: string, reason: string) => `Version ${version}, ${at} — motif : ${reason}`,
    amend: 'Rectifier le procès-verbal avant signature', amendmentText: 'Texte de la rectification (tel que la nouvelle version le mentionne)',
    amendmentReason: 'Motif de la rectification', amendSubmit: 'Rédiger la nouvelle version', amended: 'Nouvelle version du procès-verbal en cours de rédaction.',
  },
  audit: {
    title: 'Audit des séances', find: 'Rechercher une séance ou une décision', from: 'Du', to: 'Au', search: 'Rechercher', open: 'Ouvrir l\'audit',
    dwellingReference: 'Référence du logement', applicationNumber: 'Numéro unique de la demande',
    searchHint: 'Par dates : les séances de la période. Par référence de logement ou numéro de demande : chaque passage en commission et sa décision.',
    sessionsFound: 'Séances trouvées', itemsFound: 'Passages en commission', noItem: 'Aucun passage en commission ne correspond.',
    itemStatus: { pending: 'non encore décidé', decided: 'décidé', deferred: 'reporté', referred: 'renvoyé en séance', removed: 'retiré de l\'ordre du jour' },
    timeline: 'Chronologie de la séance', at: 'Heure', type: 'Événement', actor: 'Auteur', summary: 'Détail (tel que le journal le consigne, en anglais)',
    replay: 'Rejouer l\'historique et recalculer chaque décision', replayOk: 'Rejeu réussi : chaque décision est retrouvée à l\'identique.',
    replayFailed: 'Le rejeu a relevé des écarts.', voteLine: (closedAt: string, votes: number, matches: boolean) => `Vote clos à ${closedAt} : ${votes} bulletin(s), décompte ${matches ? 'identique' : 'DIFFÉRENT'}`,
    export: 'Télécharger le dossier d\'archive (JSON)', exportVerified: 'Le dossier d\'archive se vérifie hors ligne avec son procès-verbal et ses signatures.',
  },
  ops: {
    title: 'Exploitation', stuck: 'Séances bloquées', none: 'Aucune séance bloquée.', since: (date: string) => `depuis ${date}`,
    suggested: 'Action conseillée', reason: 'Motif (inscrit au journal d\'audit)', apply: (action: string) => action, done: 'Action enregistrée.',
    health: 'État du service', database: 'Base de données', temporal: 'Moteur de workflows', temporalUi: 'Ouvrir dans l\'interface Temporal',
    temporalUiHome: 'Interface Temporal (historique de chaque workflow)', newWindow: '(nouvelle fenêtre)', openSession: 'Ouvrir la séance',
    workers: (queue: string, workflows: number, activities: number) => `Workers de la file « ${queue} » : ${workflows} à l'écoute des workflows, ${activities} des tâches`,
    noWorker: 'Aucun worker n\'écoute la file : les séances n\'avancent pas. Démarrez un worker.', refresh: 'Actualiser',
    up: 'disponible', down: 'indisponible',
  },
  problem: (rule: string | undefined, detail: string | undefined) => `La demande a été refusée${rule ? ` (règle « ${rule} »)` : ''}${detail ? ` : ${detail}` : '.'}`,
  networkError: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
} as const;

/** The message a person reads for a refusal of the API. */
export function problemMessage(problem: { rule?: string | undefined; code?: string | undefined; detail?: string | undefined }): string {
  const known = (problem.rule && rules[problem.rule]) || (problem.code && rules[problem.code]);
  return known || fr.problem(problem.rule, problem.detail);
}

export const t = fr;
