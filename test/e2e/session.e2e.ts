// A whole session in the browser, as its people run it: the secretary schedules, builds and
// publishes the agenda; five members in their own browsers see their convocation, one gives a
// proxy, they vote (one with the keyboard only, one on a phone); the board follows quorum and
// tally without a reload; the chair signs; an auditor replays and verifies.
import { expect, test, type Page } from '@playwright/test';
import { checkPage, nextMinuteInParis, signedIn } from './support.ts';

test.describe.configure({ mode: 'serial' });

async function fillCandidate(page: Page, rank: number, number: string, household: string, priority?: string) {
  const group = page.getByRole('group', { name: `Candidat n° ${rank}`, exact: true });
  await group.getByLabel('Numéro unique de la demande').fill(number);
  await group.getByLabel('Composition du foyer').fill(household);
  if (priority) await group.getByLabel(/^Priorité/).fill(priority);
}

async function addDwelling(page: Page, dwelling: { reference: string; address: string; commune: string }, candidates: Array<[string, string, string?]>) {
  const form = page.locator('form.add-item');
  await form.getByLabel('Référence', { exact: true }).fill(dwelling.reference);
  await form.getByLabel('Adresse', { exact: true }).fill(dwelling.address);
  await form.getByLabel('Commune', { exact: true }).fill(dwelling.commune);
  await form.getByLabel('EPCI', { exact: true }).fill('Agglo Exemple');
  await form.getByLabel('Surface (m²)').fill('68,5');
  await form.getByLabel('Loyer mensuel (€)').fill('520');
  for (const [i, [number, household, priority]] of candidates.entries()) await fillCandidate(page, i + 1, number, household, priority);
  await expect(form.getByText(/la règle des trois candidats est respectée/)).toBeVisible();
  await form.getByRole('button', { name: 'Ajouter à l\'ordre du jour' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`logement ${dwelling.reference}`) })).toBeVisible();
}

/** Presses Tab until the focused element is the button named `name` (bounded), then Enter. */
async function pressByKeyboard(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<string>('document.activeElement?.textContent ?? ""');
    if (focused === name) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`"${name}" is not reachable with the keyboard`);
}

test('a session from scheduling to the signed minutes, in the browser', async ({ browser }) => {
  // --- The secretary schedules the session and builds its agenda.
  const secretary = await signedIn(browser, 'Secrétariat CALEOL');
  await checkPage(secretary, '01-secretary-dashboard');
  const start = nextMinuteInParis(75);
  await secretary.getByLabel(/Date et heure de la séance/).fill(start.local);
  await secretary.getByRole('button', { name: 'Programmer la séance' }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: /^Séance du / })).toBeVisible();
  const sessionUrl = secretary.url();
  expect(sessionUrl).toMatch(/\/app\/sessions\/[0-9a-f-]{36}$/);

  const form = secretary.locator('form.add-item');
  await expect(form.getByText(/0 candidat : trois candidats sont à présenter/)).toBeVisible();
  await addDwelling(secretary, { reference: 'VIL-0042', address: '12 rue des Lilas', commune: 'Villeneuve' }, [
    ['075-2024-00123', 'Couple, deux enfants', 'DALO'], ['075-2023-04567', 'Parent seul, un enfant'], ['075-2025-00089', 'Personne seule'],
  ]);
  await addDwelling(secretary, { reference: 'AUT-0007', address: '3 place du Marché', commune: 'Autreville' }, [
    ['075-2022-00777', 'Famille, trois enfants'], ['075-2024-00888', 'Couple'], ['075-2025-00999', 'Personne seule, retraitée'],
  ]);
  await checkPage(secretary, '02-secretary-agenda');
  await secretary.getByRole('button', { name: 'Publier l\'ordre du jour et convoquer' }).click();
  const convocations = secretary.getByRole('table', { name: 'Convocations' });
  await expect(convocations.getByRole('row', { name: /Claire Martin/ })).toContainText('Convoqué dans les délais');
  await expect(convocations.getByText('Convoqué dans les délais')).toHaveCount(10);
  await checkPage(secretary, '03-secretary-convened');

  // --- Five members, each in their own browser, at the same time.
  const [chair, karim, sophie, jean, mayor] = await Promise.all([
    signedIn(browser, 'Claire Martin'), signedIn(browser, 'Karim Benali'), signedIn(browser, 'Sophie Leroy'),
    signedIn(browser, 'Jean Dupuis'), signedIn(browser, 'Maire de Villeneuve', { width: 360, height: 740 }),
  ]);
  await Promise.all([chair, karim, sophie, jean, mayor].map((p) => p.goto(sessionUrl)));
  for (const member of [chair, karim, sophie, jean, mayor]) {
    await expect(member.getByRole('region', { name: 'Ma convocation' })).toContainText('Convoqué dans les délais');
  }
  await checkPage(karim, '04-member-convocation');
  // The mayor sees the item of their commune only: neither the other dwelling nor its candidates.
  await expect(mayor.getByRole('heading', { name: /logement VIL-0042/ })).toBeVisible();
  await expect(mayor.getByText('AUT-0007')).toHaveCount(0);
  await expect(mayor.getByText('075-2022-00777')).toHaveCount(0);
  await expect(karim.getByText('075-2022-00777')).toBeVisible();

  // Jean Dupuis gives his proxy to Karim Benali.
  await jean.getByLabel('Donner procuration à').selectOption({ label: 'Karim Benali (Administrateur)' });
  await jean.getByRole('button', { name: 'Donner procuration' }).click();
  await expect(jean.getByText('Vous avez donné procuration à Karim Benali.')).toBeVisible();
  await expect(karim.getByText('Vous détenez la procuration de : Jean Dupuis.')).toBeVisible();

  // --- At the convened time the secretary opens the sitting and records who is present.
  const open = secretary.getByRole('button', { name: 'Ouvrir la séance' });
  await expect(open).toBeVisible();
  await expect.poll(() => Date.now(), { timeout: 150_000, intervals: [1000] }).toBeGreaterThanOrEqual(start.at.getTime());
  await open.click();
  const attendance = secretary.getByRole('region', { name: 'Présences' });
  await expect(attendance).toBeVisible();
  await expect(attendance.getByText('Quorum non atteint')).toBeVisible();
  for (const name of ['Claire Martin', 'Karim Benali', 'Sophie Leroy', 'Maire de Villeneuve', 'Amina Diallo']) {
    const box = attendance.getByRole('checkbox', { name: new RegExp(`^${name}`) });
    await box.click();
    await expect(box).toBeChecked();
  }
  await expect(attendance.getByText('Quorum atteint')).toBeVisible();
  await expect(attendance).toContainText('Jean Dupuis a donné procuration à Karim Benali');
  await checkPage(secretary, '05-secretary-sitting');

  // --- The presenter's proposal is put to the vote.
  const item = secretary.locator('article', { has: secretary.getByRole('heading', { name: /logement VIL-0042/ }) });
  await item.getByRole('button', { name: 'Ouvrir le vote' }).click();
  await expect(item.getByText(/0 pour, 0 contre, 0 abstention\(s\) — 0 vote\(s\) exprimé\(s\)/)).toBeVisible();

  // The mayor votes on a phone: the page fits 360 px without sideways scrolling.
  await expect(mayor.getByRole('button', { name: 'Voter « Pour »' })).toBeVisible();
  await checkPage(mayor, '06-member-vote-phone');
  expect(await mayor.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  await mayor.getByRole('button', { name: 'Voter « Pour »' }).click();
  await expect(mayor.getByText(/Votre vote « Pour » a été enregistré à/)).toBeVisible();
  await checkPage(mayor, '07-member-vote-recorded-phone');
  // The secretary's board follows without a reload.
  await expect(item.getByText(/1 pour, 0 contre, 0 abstention\(s\) — 1 vote\(s\) exprimé\(s\)/)).toBeVisible();

  // Sophie Leroy votes with the keyboard only.
  await sophie.getByRole('heading', { level: 1 }).focus();
  await pressByKeyboard(sophie, 'Voter « Pour »');
  await expect(sophie.getByText(/Votre vote « Pour » a été enregistré à/)).toBeVisible();

  // Karim Benali votes for himself and, holding his proxy, for Jean Dupuis.
  await karim.getByRole('group', { name: 'Mon vote' }).getByRole('button', { name: 'Voter « Pour »' }).click();
  await karim.getByRole('group', { name: 'Pour le siège de Jean Dupuis (procuration)' }).getByRole('button', { name: 'Voter « Contre »' }).click();
  await expect(karim.getByText(/Le vote « Contre » pour Jean Dupuis a été enregistré/)).toBeVisible();
  await chair.getByRole('button', { name: 'Voter « Pour »' }).click();
  await expect(chair.getByText(/Votre vote « Pour » a été enregistré/)).toBeVisible();
  await expect(item.getByText(/4 pour, 1 contre, 0 abstention\(s\) — 5 vote\(s\) exprimé\(s\)/)).toBeVisible();
  await checkPage(secretary, '08-secretary-tally');

  await item.getByRole('button', { name: 'Clore le vote' }).click();
  await expect(item.getByText(/Adoptée : 4 pour, 1 contre, 0 abstention\(s\)/)).toBeVisible();

  // The other dwelling is deferred, with its reason; then the session is closed.
  const other = secretary.locator('article', { has: secretary.getByRole('heading', { name: /logement AUT-0007/ }) });
  await other.getByLabel('Motif du report').fill('Pièces du dossier à compléter');
  await other.getByRole('button', { name: 'Reporter le point' }).click();
  await expect(other.getByText('Reporté : Pièces du dossier à compléter')).toBeVisible();
  await secretary.getByRole('button', { name: 'Clore la séance' }).click();

  // --- The chair signs the minutes in the browser.
  const sign = chair.getByRole('button', { name: 'Signer le procès-verbal' });
  await expect(sign).toBeVisible({ timeout: 60_000 });
  await checkPage(chair, '09-chair-minutes');
  await sign.click();
  await expect(chair.getByText('Procès-verbal signé.')).toBeVisible();
  await expect(chair.getByRole('region', { name: 'Procès-verbal' })).toContainText('Claire Martin');
  await expect(secretary.getByText('Terminée').first()).toBeVisible({ timeout: 60_000 });
  // The dwelling is offered to the first ranked candidate; the secretary records their answer.
  const offers = secretary.getByRole('table', { name: /Propositions aux candidats retenus/ });
  const firstOffer = offers.getByRole('row', { name: /rang 1/ });
  await expect(firstOffer).toContainText('En attente');
  await checkPage(secretary, '10-secretary-completed');
  await firstOffer.getByLabel('Ce qu\'a dit le candidat (facultatif)').fill('Accepte par téléphone');
  await firstOffer.getByRole('button', { name: 'Enregistrer l\'acceptation' }).click();
  await expect(firstOffer).toContainText('Acceptée');
  await expect(firstOffer).toContainText('Accepte par téléphone');

  // --- An auditor opens the timeline, replays the decisions and verifies the minutes.
  const auditor = await signedIn(browser, 'Audit interne');
  await auditor.getByRole('link', { name: 'Audit', exact: true }).click();
  await auditor.getByLabel('Référence du logement').fill('vil-0042');
  await auditor.getByRole('button', { name: 'Rechercher' }).click();
  const found = auditor.getByRole('region', { name: 'Passages en commission' });
  await expect(found).toContainText('logement VIL-0042');
  await expect(found).toContainText('Attribution');
  await checkPage(auditor, '11-auditor-search');
  await found.getByRole('link', { name: /^Séance du / }).first().click();
  const timeline = auditor.getByRole('table', { name: 'Chronologie de la séance' });
  await expect(timeline.getByRole('row').nth(5)).toBeVisible();
  await expect(auditor.getByText(/Vérification réussie/)).toBeVisible();
  await auditor.getByRole('button', { name: 'Rejouer l\'historique et recalculer chaque décision' }).click();
  await expect(auditor.getByText('Rejeu réussi : chaque décision est retrouvée à l\'identique.')).toBeVisible({ timeout: 60_000 });
  await checkPage(auditor, '12-auditor-timeline');
});

test('the sign-in page and the ops page pass axe', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/app/');
  await expect(page.getByRole('heading', { level: 1, name: /Connexion/ })).toBeVisible();
  await checkPage(page, '00-sign-in');
  const ops = await signedIn(browser, 'Exploitation');
  await ops.getByRole('link', { name: 'Exploitation' }).click();
  await expect(ops.getByRole('region', { name: 'État du service' })).toContainText('Base de données : disponible');
  await expect(ops.getByRole('region', { name: 'État du service' })).toContainText(/Workers de la file « caleol-sessions » : [1-9]\d* à l'écoute des workflows/);
  await expect(ops.getByRole('link', { name: /Interface Temporal/ })).toHaveAttribute('href', /^http:\/\/localhost:\d+$/);
  await checkPage(ops, '13-ops');
});

test('a written session in the browser: the window opens by itself, members debate and vote from their phones, the board follows', async ({ browser }) => {
  const secretary = await signedIn(browser, 'Secrétariat CALEOL');
  const opens = nextMinuteInParis(75);
  await secretary.getByLabel(/Date et heure de la séance/).fill(opens.local);
  await secretary.getByRole('radio', { name: /Séance écrite/ }).check();
  const closes = new Date(opens.at.getTime() + 24 * 3_600_000);
  await secretary.getByLabel(/Clôture de la séance écrite/).fill(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(closes)}T${opens.local.slice(11)}`);
  await checkPage(secretary, '20-secretary-schedule-written');
  await secretary.getByRole('button', { name: 'Programmer la séance' }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: /^Séance du / })).toBeVisible();
  const sessionUrl = secretary.url();
  await addDwelling(secretary, { reference: 'VIL-0100', address: '5 rue des Tilleuls', commune: 'Villeneuve' }, [
    ['075-2024-01001', 'Couple, un enfant'], ['075-2023-01002', 'Personne seule'], ['075-2025-01003', 'Parent seul, deux enfants'],
  ]);
  await addDwelling(secretary, { reference: 'VIL-0200', address: '8 allée des Peupliers', commune: 'Villeneuve' }, [
    ['075-2024-02001', 'Famille, quatre enfants'], ['075-2023-02002', 'Couple'], ['075-2025-02003', 'Personne seule'],
  ]);
  // The presenter's proposals go to the members with the agenda, before the window opens.
  const agenda = secretary.getByRole('region', { name: 'Ordre du jour' });
  for (const reference of ['VIL-0100', 'VIL-0200']) {
    const item = agenda.locator('article', { has: secretary.getByRole('heading', { name: new RegExp(`logement ${reference}`) }) });
    await item.getByRole('button', { name: 'Soumettre la proposition au vote' }).click();
    await expect(item.getByRole('heading', { name: /Vote en cours/ })).toBeVisible();
    await expect(item.getByText(/Attribution par ordre de priorité \(rang 1\)/)).toBeVisible();
  }
  const board = secretary.getByRole('region', { name: 'Tableau de la séance écrite' });
  await secretary.getByRole('button', { name: 'Publier l\'ordre du jour et convoquer' }).click();
  await expect(secretary.getByRole('table', { name: 'Convocations' }).getByText('Convoqué dans les délais')).toHaveCount(10);
  await expect(board).toContainText('La séance s\'ouvrira d\'elle-même');
  await checkPage(secretary, '21-secretary-written-board');

  const [karim, mayor] = await Promise.all([signedIn(browser, 'Karim Benali', { width: 360, height: 740 }), signedIn(browser, 'Maire de Villeneuve', { width: 360, height: 740 })]);
  await Promise.all([karim.goto(sessionUrl), mayor.goto(sessionUrl)]);
  const window = (page: Page) => page.getByRole('region', { name: 'Séance écrite' });
  await expect(window(mayor)).toContainText('La séance s\'ouvrira d\'elle-même');
  await expect(mayor.getByRole('button', { name: 'Voter « Pour »' })).toHaveCount(0);

  // At the opening time the window opens by itself: no one clicks.
  await expect(window(mayor)).toContainText('La séance est ouverte', { timeout: 180_000 });
  const first = (page: Page) => window(page).locator('article', { has: page.getByRole('heading', { name: /logement VIL-0100/ }) });
  await first(mayor).getByRole('button', { name: 'Voter « Pour »' }).click();
  await expect(first(mayor).getByText(/Votre vote actuel : « Pour »/)).toBeVisible();
  await first(mayor).getByLabel(/Votre message/).fill('Le ménage du rang 1 habite la commune depuis dix ans.');
  await first(mayor).getByRole('button', { name: 'Publier le message' }).click();
  await expect(first(mayor).getByText('Le ménage du rang 1 habite la commune depuis dix ans.')).toBeVisible();
  await checkPage(mayor, '22-member-written-window-phone');
  expect(await mayor.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

  // Karim votes, then changes his mind before the close; he asks for the second item to be referred.
  await first(karim).getByRole('button', { name: 'Voter « Pour »' }).click();
  await expect(first(karim).getByText(/Votre vote actuel : « Pour »/)).toBeVisible();
  await first(karim).getByRole('button', { name: 'Voter « Contre »' }).click();
  await expect(first(karim).getByText(/Votre vote actuel : « Contre »/)).toBeVisible();
  const second = window(karim).locator('article', { has: karim.getByRole('heading', { name: /logement VIL-0200/ }) });
  await second.getByText('Demander le renvoi de ce point à une séance tenue en direct').click();
  await second.getByLabel('Motif de la demande de renvoi').fill('Le logement doit être visité avant de décider.');
  await second.getByRole('button', { name: 'Demander le renvoi' }).click();
  await expect(second).toContainText('renvoyé à une séance en direct');

  // The board follows without a reload: participation, who has not voted, the debate, the referral.
  const boardItem = board.locator('article', { has: secretary.getByRole('heading', { name: /logement VIL-0100/ }) });
  await expect(boardItem.getByText('2 vote(s) sur 9 siège(s) ; 5 requis pour que le point soit décidé.')).toBeVisible();
  await expect(boardItem).toContainText(/N'ont pas encore voté : .*Claire Martin/);
  await expect(boardItem).toContainText('Le ménage du rang 1 habite la commune depuis dix ans.');
  await expect(board.locator('article', { has: secretary.getByRole('heading', { name: /logement VIL-0200/ }) })).toContainText('renvoyé à une séance en direct');
  await boardItem.getByLabel(/Votre message/).fill('Le dossier du rang 1 est complet.');
  await boardItem.getByRole('button', { name: 'Publier le message' }).click();
  await expect(first(karim).getByText('Le dossier du rang 1 est complet.')).toBeVisible();
  await checkPage(secretary, '23-secretary-written-board-open');

  // The early close is refused while seats have not voted; the refusal says why.
  await board.getByRole('button', { name: 'Clore la séance par anticipation' }).click();
  await expect(board.getByText(/Tous les membres appelés à voter n'ont pas encore voté/)).toBeVisible();
});
