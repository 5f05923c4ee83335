// Home: each committee's sessions, grouped by what they need (to come, sitting, awaiting
// signatures, done, to watch); the secretary schedules a new one here.
import { useState, type FormEvent } from 'react';
import { api, ok, type Me } from '../api/client.ts';
import type { paths } from '../../../client/schema.ts';
import { ErrorMessage, PageTitle, PhaseBadge, Section, useAction, useLoaded } from '../components.tsx';
import { dateTime, instantToZoned, zonedToInstant } from '../format.ts';
import { t } from '../messages.ts';
import { appBase, Link, navigate } from '../router.tsx';

type SessionList = paths['/committees/{id}/sessions']['get']['responses'][200]['content']['application/json'];
type Listed = SessionList['sessions'][number];
type Mode = Listed['mode'];

const groups: Array<[keyof typeof t.home.groups, ReadonlyArray<Listed['phase']>]> = [
  ['live', ['open', 'deliberating']],
  ['upcoming', ['draft', 'convened']],
  ['signatures', ['closed', 'minutes_drafted']],
  ['attention', ['adjourned']],
  ['done', ['signed', 'notified', 'completed', 'cancelled']],
];

function CommitteeSessions({ committee, canSchedule }: { committee: { id: string; name: string; landlord: string }; canSchedule: boolean }) {
  const list = useLoaded(() => ok(api.GET('/committees/{id}/sessions', { params: { path: { id: committee.id } } })), [committee.id]);
  return (
    <Section id={`committee-${committee.id}`} title={t.home.committee(committee.name, committee.landlord)}>
      <ErrorMessage error={list.error} />
      {list.data && groups.map(([group, phases]) => {
        const sessions = list.data!.sessions.filter((s) => phases.includes(s.phase));
        if (sessions.length === 0 && group !== 'upcoming') return null;
        return (
          <div key={group} className="session-group">
            <h3>{t.home.groups[group]}</h3>
            {sessions.length === 0 ? <p>{t.home.none}</p> : (
              <ul className="session-list">
                {sessions.map((s) => (
                  <li key={s.id}>
                    <Link to={`/sessions/${s.id}`}>{t.session.title(dateTime(s.scheduledStart, list.data!.timeZone))}</Link>
                    {' '}<PhaseBadge phase={s.phase} /> <span className="mode">{t.mode[s.mode]}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {canSchedule && list.data && <ScheduleForm committeeId={committee.id} timeZone={list.data.timeZone} />}
    </Section>
  );
}

function ScheduleForm({ committeeId, timeZone }: { committeeId: string; timeZone: string }) {
  // A sensible default: next week, 9:30, the usual hour of a morning committee.
  const [start, setStart] = useState(() => `${instantToZoned(new Date(Date.now() + 7 * 86_400_000), timeZone).slice(0, 10)}T09:30`);
  const [mode, setMode] = useState<Mode>('remote');
  const [place, setPlace] = useState('');
  const [closes, setCloses] = useState(() => `${instantToZoned(new Date(Date.now() + 8 * 86_400_000), timeZone).slice(0, 10)}T09:30`);
  const action = useAction();
  const needsPlace = mode === 'in_person' || mode === 'mixed';
  const written = mode === 'written';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const created = await ok(api.POST('/committees/{id}/sessions', {
        params: { path: { id: committeeId } },
        body: {
          scheduledStart: zonedToInstant(start, timeZone).toISOString(), mode,
          ...(needsPlace && place.trim() ? { place: place.trim() } : {}),
          ...(written ? { closesAt: zonedToInstant(closes, timeZone).toISOString() } : {}),
        },
      }));
      navigate(`${appBase}/sessions/${created.id}`);
    }, t.schedule.done);
  };
  const id = (name: string) => `schedule-${committeeId}-${name}`;
  return (
    <form className="schedule" onSubmit={(e) => void submit(e)}>
      <h3>{t.schedule.title}</h3>
      <label htmlFor={id('start')}>{t.schedule.start(timeZone)}</label>
      <input id={id('start')} type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
      <fieldset>
        <legend>{t.schedule.mode}</legend>
        {(['remote', 'in_person', 'mixed', 'written'] as const).map((m) => (
          <label key={m} className="choice"><input type="radio" name={id('mode')} value={m} checked={mode === m} onChange={() => setMode(m)} /> {t.mode[m]}</label>
        ))}
      </fieldset>
      {written && (
        <>
          <label htmlFor={id('closes')}>{t.schedule.closes(timeZone)}</label>
          <input id={id('closes')} type="datetime-local" required value={closes} onChange={(e) => setCloses(e.target.value)} aria-describedby={id('closes-hint')} />
          <p id={id('closes-hint')} className="hint">{t.schedule.closesHint}</p>
        </>
      )}
      {needsPlace && (
        <>
          <label htmlFor={id('place')}>{t.schedule.place}</label>
          <input id={id('place')} required value={place} onChange={(e) => setPlace(e.target.value)} maxLength={500} aria-describedby={id('place-hint')} />
          <p id={id('place-hint')} className="hint">{t.schedule.placeNeeded}</p>
        </>
      )}
      <button type="submit" disabled={action.pending}>{t.schedule.submit}</button>
      {action.feedback}
    </form>
  );
}

export function HomePage({ me }: { me: Me }) {
  const committees = useLoaded(() => ok(api.GET('/committees')), []);
  const secretary = me.roles.includes('secretary');
  const staff = me.roles.some((r) => ['secretary', 'auditor', 'ops'].includes(r));
  return (
    <>
      <PageTitle>{staff ? t.home.title : t.home.memberTitle}</PageTitle>
      <ErrorMessage error={committees.error} />
      {committees.data?.map((c) => <CommitteeSessions key={c.id} committee={c} canSchedule={secretary} />)}
    </>
  );
}
