// Generated from the API's OpenAPI document by `npm run generate:client`: do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is up
         * @description The process is up
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The database and Temporal are reachable
         * @description The database and Temporal are reachable
         */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List committees
         * @description List committees
         */
        get: operations["getCommittees"];
        put?: never;
        /**
         * Create a committee with its members and its internal rules (the legal defaults for any rule not given)
         * @description Create a committee with its members and its internal rules (the legal defaults for any rule not given)
         */
        post: operations["postCommittees"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A committee with its members
         * @description A committee with its members
         */
        get: operations["getCommitteesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The committee's sessions, latest first (the dashboard's list; each session's live state is GET /sessions/{id})
         * @description The committee's sessions, latest first (the dashboard's list; each session's live state is GET /sessions/{id})
         */
        get: operations["getCommitteesSessions"];
        put?: never;
        /**
         * Schedule a session for a time to come: starts its workflow. Scheduling the same committee and start again returns the same session.
         * @description Schedule a session for a time to come: starts its workflow. Scheduling the same committee and start again returns the same session.
         */
        post: operations["postCommitteesSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The committee's internal rules: the current version, or the one a session pinned (?version=)
         * @description The committee's internal rules: the current version, or the one a session pinned (?version=)
         */
        get: operations["getCommitteesRules"];
        /**
         * Save a new version of the committee's internal rules; sessions keep the version they started with
         * @description Save a new version of the committee's internal rules; sessions keep the version they started with
         */
        put: operations["putCommitteesRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/chair-election": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the election of the chair by the six board members: absolute majority, a tie to the oldest
         * @description Record the election of the chair by the six board members: absolute majority, a tie to the oldest
         */
        post: operations["postCommitteesChairElection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a member
         * @description Add a member
         */
        post: operations["postCommitteesMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a member (the chair changes by election)
         * @description Change a member (the chair changes by election)
         */
        patch: operations["patchCommitteesMembersByMemberId"];
        trace?: never;
    };
    "/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The live state of a session
         * @description The live state of a session
         */
        get: operations["getSessionsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The files of the items the caller may see: each dwelling and its candidates' applications (a mayor sees their commune's items only)
         * @description The files of the items the caller may see: each dwelling and its candidates' applications (a mayor sees their commune's items only)
         */
        get: operations["getSessionsFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/join-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling member's own link to join the video meeting (personal: it identifies them for attendance and votes)
         * @description The calling member's own link to join the video meeting (personal: it identifies them for attendance and votes)
         */
        get: operations["getSessionsJoinLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the live state of a session as Server-Sent Events
         * @description Each `state` event is the whole session state as the caller may see it (as `GET /sessions/{id}`), its `id:` the sequence number of the last event the session recorded. A client that reconnects with `Last-Event-ID` (browsers do) is sent the state only if the session has moved on since, so nothing recorded is missed. A `: heartbeat` comment keeps idle connections open; `retry:` says when to reconnect. When the session finishes, an `end` event follows the last state and the stream ends; reconnecting with the last id then answers 204 (EventSource stops). A stream also ends when its token expires.
         */
        get: operations["getSessionsEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a dwelling with its ranked candidates to the agenda (with a reason once it is published: the members are sent the new agenda)
         * @description Add a dwelling with its ranked candidates to the agenda (with a reason once it is published: the members are sent the new agenda)
         */
        post: operations["postSessionsAgendaItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda-items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an item from the agenda (with a reason once it is published)
         * @description Remove an item from the agenda (with a reason once it is published)
         */
        delete: operations["deleteSessionsAgendaItemsByItemId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the agenda: the members are convened; later changes need a reason. Inside the notice period only with the reason for the urgency.
         * @description Publish the agenda: the members are convened; later changes need a reason. Inside the notice period only with the reason for the urgency.
         */
        post: operations["postSessionsAgendaPublish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/convocations/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a convocation delivered otherwise than by e-mail (by hand, by registered letter), with the reason: the member is convened from then
         * @description Record a convocation delivered otherwise than by e-mail (by hand, by registered letter), with the reason: the member is convened from then
         */
        post: operations["postSessionsConvocationsDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a session before it opens, with the reason: the convened members are told and their invitation withdrawn
         * @description Cancel a session before it opens, with the reason: the convened members are told and their invitation withdrawn
         */
        post: operations["postSessionsCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the sitting at its convened time, every member convened (or, where the rules allow, with the reason it opens without): attendance is tracked and quorum computed
         * @description Open the sitting at its convened time, every member convened (or, where the rules allow, with the reason it opens without): attendance is tracked and quorum computed
         */
        post: operations["postSessionsOpen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the session once every item is decided or deferred; the minutes are drafted. A written session closes at its time, or early where the rules allow once every roster member voted
         * @description Close the session once every item is decided or deferred; the minutes are drafted. A written session closes at its time, or early where the rules allow once every roster member voted
         */
        post: operations["postSessionsClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record by hand that a member is present or absent
         * @description Record by hand that a member is present or absent
         */
        post: operations["postSessionsAttendance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/participants/mapping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Say which member a meeting participant is, when Zoom could not tell (joined without their link); never guessed from display names
         * @description Say which member a meeting participant is, when Zoom could not tell (joined without their link); never guessed from display names
         */
        post: operations["postSessionsParticipantsMapping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda-items/{itemId}/vote/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put the presenter's proposal (a decision per candidate, or an occupancy opinion) to the vote; quorum is checked first
         * @description Put the presenter's proposal (a decision per candidate, or an occupancy opinion) to the vote; quorum is checked first
         */
        post: operations["postSessionsAgendaItemsVoteOpen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda-items/{itemId}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cast (or change) a vote for yourself or for a principal whose proxy you hold
         * @description Cast (or change) a vote for yourself or for a principal whose proxy you hold
         */
        post: operations["postSessionsAgendaItemsVotes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda-items/{itemId}/vote/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the vote: the tally decides the item
         * @description Close the vote: the tally decides the item
         */
        post: operations["postSessionsAgendaItemsVoteClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/proxies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a written proxy: the secretary for any member, a member for their own seat
         * @description Register a written proxy: the secretary for any member, a member for their own seat
         */
        post: operations["postSessionsProxies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/proxies/{principalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a proxy
         * @description Revoke a proxy
         */
        delete: operations["deleteSessionsProxiesByPrincipalId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda-items/{itemId}/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Declare a conflict of interest on an item: the member is out of its roster and vote
         * @description Declare a conflict of interest on an item: the member is out of its roster and vote
         */
        post: operations["postSessionsAgendaItemsConflicts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda-items/{itemId}/referral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A voting member refers the item to an in-person session: it is withdrawn. In a written session, a request: with the rules' number of requests the item leaves the window and goes to the next live session's agenda
         * @description A voting member refers the item to an in-person session: it is withdrawn. In a written session, a request: with the rules' number of requests the item leaves the window and goes to the next live session's agenda
         */
        post: operations["postSessionsAgendaItemsReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda-items/{itemId}/deferral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Defer an item to a later session, with the reason
         * @description Defer an item to a later session, with the reason
         */
        post: operations["postSessionsAgendaItemsDeferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/agenda-items/{itemId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a message to a written session's debate on an item, while its window is open: a member who may attend the item, or the secretariat; kept, timed and printed in the minutes
         * @description Post a message to a written session's debate on an item, while its window is open: a member who may attend the item, or the secretariat; kept, timed and printed in the minutes
         */
        post: operations["postSessionsAgendaItemsMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/window/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend a written session's window once, with the reason, before it closes; reminders follow the new close
         * @description Extend a written session's window once, with the reason, before it closes; reminders follow the new close
         */
        post: operations["postSessionsWindowExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/minutes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A version of the minutes (the latest by default): canonical JSON and its SHA-256, or the PDF in French with Accept: application/pdf
         * @description A version of the minutes (the latest by default): canonical JSON and its SHA-256, or the PDF in French with Accept: application/pdf
         */
        get: operations["getSessionsMinutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/minutes/signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign the minutes (the chair, and the secretary where the rules say so): the server adds the signer's PDF signature (PAdES, timestamped) to the version's PDF; an Ed25519 signature of the hash, if given, is checked against the signer's registered keys and kept as a second seal
         * @description Sign the minutes (the chair, and the secretary where the rules say so): the server adds the signer's PDF signature (PAdES, timestamped) to the version's PDF; an Ed25519 signature of the hash, if given, is checked against the signer's registered keys and kept as a second seal
         */
        post: operations["postSessionsMinutesSignatures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/minutes/amendments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Amend the minutes before they are signed: a new version is drafted with the correction, and its signatures start afresh
         * @description Amend the minutes before they are signed: a new version is drafted with the correction, and its signatures start afresh
         */
        post: operations["postSessionsMinutesAmendments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/minutes/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Re-check a version of the minutes as stored: the JSON against its hash, the PDF against the JSON, and every signature against its registered key
         * @description Re-check a version of the minutes as stored: the JSON against its hash, the PDF against the JSON, and every signature against its registered key
         */
        get: operations["getSessionsMinutesVerification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/minutes/extracts/{candidateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The extract of the minutes for one examined applicant (their application id): every other candidate's data removed. JSON, or PDF with Accept: application/pdf
         * @description The extract of the minutes for one examined applicant (their application id): every other candidate's data removed. JSON, or PDF with Accept: application/pdf
         */
        get: operations["getSessionsMinutesExtractsByCandidateId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What was sent after the session: the applicants' letters (by e-mail, or to post), the minutes to the prefect, signature reminders
         * @description What was sent after the session: the applicants' letters (by e-mail, or to post), the minutes to the prefect, signature reminders
         */
        get: operations["getSessionsNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/notifications/{notificationId}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The letter sent (or to post) to an applicant, as a PDF
         * @description The letter sent (or to post) to an applicant, as a PDF
         */
        get: operations["getSessionsNotificationsDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/signer-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signers' public keys, revoked ones included (they still verify what they signed)
         * @description The signers' public keys, revoked ones included (they still verify what they signed)
         */
        get: operations["getCommitteesSignerKeys"];
        put?: never;
        /**
         * Register your own Ed25519 public key to sign this committee's minutes, as chair or as secretary
         * @description Register your own Ed25519 public key to sign this committee's minutes, as chair or as secretary
         */
        post: operations["postCommitteesSignerKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/signer-keys/{fingerprint}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of your keys: it signs nothing more
         * @description Revoke one of your keys: it signs nothing more
         */
        delete: operations["deleteCommitteesSignerKeysByFingerprint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/committees/{id}/agenda-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a dwelling or an application came before the committee, latest session first, with what was decided (search by dwelling reference, application number, or both)
         * @description Where a dwelling or an application came before the committee, latest session first, with what was decided (search by dwelling reference, application number, or both)
         */
        get: operations["getCommitteesAgendaItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session's decision history from the audit trail: convocations, attendance, proxies, quorum at each check, votes, tallies with the deciding rule, decisions, minutes, signatures, offers
         * @description The session's decision history from the audit trail: convocations, attendance, proxies, quorum at each check, votes, tallies with the deciding rule, decisions, minutes, signatures, offers
         */
        get: operations["getSessionsHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay the session's workflow history (live, or archived once Temporal deleted it) with the current code, and recompute every tally from the recorded votes with the pinned rules
         * @description Replay the session's workflow history (live, or archived once Temporal deleted it) with the current code, and recompute every tally from the recorded votes with the pinned rules
         */
        post: operations["postSessionsReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything that proves the session's decisions in one file (minutes JSON and PDF, signatures and keys, the audit chain, the workflow history), checked offline with bin/verify-export.ts
         * @description Everything that proves the session's decisions in one file (minutes JSON and PDF, signatures and keys, the audit chain, the workflow history), checked offline with bin/verify-export.ts
         */
        get: operations["getSessionsExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the audit trail's hash chain of every committee (or one): any changed, deleted, inserted or reordered event is reported where it is
         * @description Check the audit trail's hash chain of every committee (or one): any changed, deleted, inserted or reordered event is reported where it is
         */
        get: operations["getAuditVerify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session's offers, dwelling by dwelling in rank order: each deadline and the applicant's answer
         * @description The session's offers, dwelling by dwelling in rank order: each deadline and the applicant's answer
         */
        get: operations["getSessionsOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The state of an offer: its deadline, and the applicant's answer
         * @description The state of an offer: its deadline, and the applicant's answer
         */
        get: operations["getOffersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offers/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the applicant's acceptance of the offer (within its deadline)
         * @description Record the applicant's acceptance of the offer (within its deadline)
         */
        post: operations["postOffersAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/offers/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the applicant's refusal: the dwelling is offered to the next ranked candidate
         * @description Record the applicant's refusal: the dwelling is offered to the next ranked candidate
         */
        post: operations["postOffersDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The health of the service as ops reads it: the database, Temporal, and the workers polling the task queue
         * @description The health of the service as ops reads it: the database, Temporal, and the workers polling the task queue
         */
        get: operations["getOpsHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/token-revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The revocations in force (tokens they name may not have expired yet)
         * @description The revocations in force (tokens they name may not have expired yet)
         */
        get: operations["getOpsTokenRevocations"];
        put?: never;
        /**
         * Revoke a token before its expiry (by its jti), or every token of a subject issued before a time; effective at once on this API process, within 5 seconds on the others
         * @description Revoke a token before its expiry (by its jti), or every token of a subject issued before a time; effective at once on this API process, within 5 seconds on the others
         */
        post: operations["postOpsTokenRevocations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Session and offer workflows from Temporal's visibility (eventually consistent), with running sessions counted per phase
         * @description Session and offer workflows from Temporal's visibility (eventually consistent), with running sessions counted per phase
         */
        get: operations["getOpsWorkflows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/stuck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Running workflows that look stuck: a failing workflow task, a retrying activity, no progress for longer than the phase takes, or people who have not acted
         * @description Running workflows that look stuck: a failing workflow task, a retrying activity, no progress for longer than the phase takes, or people who have not acted
         */
        get: operations["getOpsStuck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ops/workflows/{workflowId}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Act on a running session or offer workflow: retry its retrying activities now, cancel, terminate, or reset it to the last completed workflow task
         * @description Act on a running session or offer workflow: retry its retrying activities now, cancel, terminate, or reset it to the last completed workflow task
         */
        post: operations["postOpsWorkflowsActions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/decode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decode (decrypt) Temporal payloads for the Temporal UI (its remote codec protocol): ops and auditors only
         * @description Decode (decrypt) Temporal payloads for the Temporal UI (its remote codec protocol): ops and auditors only
         */
        post: operations["postCodecDecode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/codec/encode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Encode (encrypt) Temporal payloads as the engine does, for the Temporal UI: ops only
         * @description Encode (encrypt) Temporal payloads as the engine does, for the Temporal UI: ops only
         */
        post: operations["postCodecEncode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest messages the engine sent (embedded default without SMTP_URL): convocations, letters, reminders
         * @description The newest messages the engine sent (embedded default without SMTP_URL): convocations, letters, reminders
         */
        get: operations["getOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/outbox/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One message the engine sent, with its text and the list of its attachments
         * @description One message the engine sent, with its text and the list of its attachments
         */
        get: operations["getOutboxByMessageId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/outbox/{messageId}/attachments/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An attachment of a message the engine sent (a convocation or letter PDF, an invitation)
         * @description An attachment of a message the engine sent (a convocation or letter PDF, an invitation)
         */
        get: operations["getOutboxAttachmentsByIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start the browser's sign-in at the organisation's identity provider (authorization code with PKCE): a redirection there
         * @description Start the browser's sign-in at the organisation's identity provider (authorization code with PKCE): a redirection there
         */
        get: operations["getAuthSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The identity provider's return: the code is exchanged (with the PKCE verifier), the browser's session cookie set, the application opened
         * @description The identity provider's return: the code is exchanged (with the PKCE verifier), the browser's session cookie set, the application opened
         */
        get: operations["getAuthCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/demo-users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The demo users the sign-in page offers (embedded default with local tokens only)
         * @description The demo users the sign-in page offers (embedded default with local tokens only)
         */
        get: operations["getAuthDemoUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/demo-sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign the browser in as a demo user: the session is an HttpOnly, SameSite=Strict cookie (from the application's own pages only)
         * @description Sign the browser in as a demo user: the session is an HttpOnly, SameSite=Strict cookie (from the application's own pages only)
         */
        post: operations["postAuthDemoSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the browser's session (its cookie is cleared)
         * @description End the browser's session (its cookie is cleared)
         */
        post: operations["postAuthSignOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the request is signed in as (bearer token or browser session)
         * @description Who the request is signed in as (bearer token or browser session)
         */
        get: operations["getAuthMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/zoom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Zoom webhook deliveries (signed with the app's secret token)
         * @description Zoom webhook deliveries (signed with the app's secret token)
         */
        post: operations["postWebhooksZoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            /** @description The rule that refused the request */
            rule?: string;
            instance?: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "string"
                     *     }
                     */
                    "application/json": {
                        status: string;
                    };
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "string",
                     *       "database": "string",
                     *       "temporal": "string"
                     *     }
                     */
                    "application/json": {
                        status: string;
                        database: string;
                        temporal: string;
                    };
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommittees: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "string",
                     *         "name": "string",
                     *         "landlord": "string",
                     *         "timeZone": "string"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        landlord: string;
                        timeZone: string;
                    }[];
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCommittees: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "string",
                 *       "landlord": "string",
                 *       "timeZone": "string",
                 *       "members": [
                 *         {
                 *           "name": "string",
                 *           "email": "user@example.com",
                 *           "role": "board_member",
                 *           "commune": "string",
                 *           "epci": "string",
                 *           "contingent": "string",
                 *           "substituteFor": "84bd1868-dd41-472c-9c18-558bd4b0e34c",
                 *           "birthDate": "2019-08-24",
                 *           "tenantRepresentative": true,
                 *           "chair": true
                 *         }
                 *       ],
                 *       "rules": {
                 *         "quorum": {
                 *           "threshold": 1,
                 *           "gracePeriodMinutes": 0,
                 *           "reconvenedWithoutQuorum": true,
                 *           "reconveneAfterDays": 1
                 *         },
                 *         "proxiesPerHolder": 0,
                 *         "noticePeriodDays": 0,
                 *         "urgentConvocationAllowed": true,
                 *         "majority": {
                 *           "basis": "votes_cast",
                 *           "abstentionsCount": true
                 *         },
                 *         "tieWithoutMayor": "defer",
                 *         "remoteSessionsAllowed": true,
                 *         "remoteMinimumParticipation": 0,
                 *         "minutesSigners": [
                 *           "chair"
                 *         ],
                 *         "offerResponseDays": 1,
                 *         "openingToleranceMinutes": 0,
                 *         "unconvenedOpeningAllowed": true,
                 *         "ballotsPerSeat": 1,
                 *         "signatureReminderDays": 1,
                 *         "signatureEscalationDays": 1,
                 *         "letterSignatory": {
                 *           "name": "string",
                 *           "title": "string"
                 *         },
                 *         "writtenSessions": {
                 *           "allowed": true,
                 *           "approval": {
                 *             "date": "2019-08-24",
                 *             "reference": "string"
                 *           },
                 *           "minWindowHours": 1,
                 *           "maxWindowHours": 1,
                 *           "extensionMaxHours": 1,
                 *           "minimumParticipation": 0,
                 *           "reminderHoursBeforeClose": [
                 *             1
                 *           ],
                 *           "earlyCloseAllowed": true,
                 *           "referralRequests": 1,
                 *           "messagesPerItem": 1
                 *         }
                 *       }
                 *     }
                 */
                "application/json": {
                    name: string;
                    landlord: string;
                    timeZone?: string;
                    members?: {
                        name: string;
                        /** Format: email */
                        email: string;
                        /** @enum {unknown} */
                        role: "board_member" | "board_substitute" | "prefect" | "epci_president" | "mayor" | "social_organisation" | "reservataire" | "social_services" | "staff";
                        commune?: string;
                        epci?: string;
                        contingent?: string;
                        /** Format: uuid */
                        substituteFor?: string;
                        /** Format: date */
                        birthDate?: string;
                        tenantRepresentative?: boolean;
                        chair?: boolean;
                    }[];
                    /** @description The internal rules' choices (version 1); the legal defaults for the others */
                    rules?: {
                        quorum?: {
                            threshold: number;
                            gracePeriodMinutes: number;
                            reconvenedWithoutQuorum: boolean;
                            reconveneAfterDays: number;
                        };
                        proxiesPerHolder?: number;
                        noticePeriodDays?: number;
                        urgentConvocationAllowed?: boolean;
                        majority?: {
                            /** @enum {unknown} */
                            basis: "votes_cast" | "present_or_represented";
                            abstentionsCount: boolean;
                        };
                        /** @enum {unknown} */
                        tieWithoutMayor?: "defer" | "revote";
                        remoteSessionsAllowed?: boolean;
                        remoteMinimumParticipation?: number;
                        minutesSigners?: ("chair" | "secretary")[];
                        offerResponseDays?: number;
                        /** @description How many minutes before its convened time the sitting may open (default 0) */
                        openingToleranceMinutes?: number;
                        /** @description Whether the sitting may open while a member is not convened, with a reason the minutes print (default false) */
                        unconvenedOpeningAllowed?: boolean;
                        /** @description How many ballots a member may cast for one seat in one vote, changes of mind included (default 20) */
                        ballotsPerSeat?: number;
                        /** @description Days between reminders to the signers of unsigned minutes (default 3) */
                        signatureReminderDays?: number;
                        /** @description Days after drafting before unsigned minutes are escalated to ops (default 10) */
                        signatureEscalationDays?: number;
                        /** @description Who signs the decision and offer letters for the landlord (default: the committee's secretariat) */
                        letterSignatory?: {
                            name: string;
                            title: string;
                        };
                        /** @description Written sessions (ordonnance 2014-1329 art. 3); defaults: not allowed, 24 to 120 hours, half, reminders 24 h and 2 h before the close */
                        writtenSessions?: {
                            /** @description Whether the internal rules provide for written sessions (default false) */
                            allowed: boolean;
                            /** @description The approval of the rules providing for written sessions (the prefect's before the 3DS law, or the board's): required when allowed */
                            approval?: {
                                /** Format: date */
                                date: string;
                                reference: string;
                            };
                            minWindowHours: number;
                            maxWindowHours: number;
                            /** @description How much later the one extension may move the close */
                            extensionMaxHours: number;
                            /** @description Share of an item's roster that must vote for it to be decided (at least half) */
                            minimumParticipation: number;
                            /** @description When members who have not voted are reminded */
                            reminderHoursBeforeClose: number[];
                            /** @description Whether the window may close early once every roster member voted */
                            earlyCloseAllowed: boolean;
                            /** @description How many voting members' requests refer an item to a live sitting */
                            referralRequests: number;
                            /** @description Messages one person may post on an item's debate */
                            messagesPerItem: number;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    /** @description The address of what was created or found (/committees/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "name": "string",
                     *       "landlord": "string",
                     *       "timeZone": "string",
                     *       "rulesVersion": 0,
                     *       "members": [
                     *         {
                     *           "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *           "name": "string",
                     *           "email": "string",
                     *           "role": "board_member",
                     *           "commune": "string",
                     *           "epci": "string",
                     *           "contingent": "string",
                     *           "substituteFor": "string",
                     *           "birthDate": "string",
                     *           "tenantRepresentative": true,
                     *           "chair": true,
                     *           "active": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        landlord: string;
                        timeZone: string;
                        rulesVersion: number;
                        members: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Shown to the committee's staff and to the member themself */
                            email?: string;
                            /** @enum {unknown} */
                            role: "board_member" | "board_substitute" | "prefect" | "epci_president" | "mayor" | "social_organisation" | "reservataire" | "social_services" | "staff";
                            commune: string | null;
                            epci: string | null;
                            contingent: string | null;
                            substituteFor: string | null;
                            birthDate: string | null;
                            tenantRepresentative: boolean;
                            chair: boolean;
                            active: boolean;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommitteesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "name": "string",
                     *       "landlord": "string",
                     *       "timeZone": "string",
                     *       "rulesVersion": 0,
                     *       "members": [
                     *         {
                     *           "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *           "name": "string",
                     *           "email": "string",
                     *           "role": "board_member",
                     *           "commune": "string",
                     *           "epci": "string",
                     *           "contingent": "string",
                     *           "substituteFor": "string",
                     *           "birthDate": "string",
                     *           "tenantRepresentative": true,
                     *           "chair": true,
                     *           "active": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        landlord: string;
                        timeZone: string;
                        rulesVersion: number;
                        members: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Shown to the committee's staff and to the member themself */
                            email?: string;
                            /** @enum {unknown} */
                            role: "board_member" | "board_substitute" | "prefect" | "epci_president" | "mayor" | "social_organisation" | "reservataire" | "social_services" | "staff";
                            commune: string | null;
                            epci: string | null;
                            contingent: string | null;
                            substituteFor: string | null;
                            birthDate: string | null;
                            tenantRepresentative: boolean;
                            chair: boolean;
                            active: boolean;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommitteesSessions: {
        parameters: {
            query?: {
                /** @description Sessions convened at or after this time */
                from?: string;
                /** @description Sessions convened before this time */
                to?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *       "timeZone": "string",
                     *       "sessions": [
                     *         {
                     *           "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *           "scheduledStart": "2019-08-24T14:15:22Z",
                     *           "mode": "remote",
                     *           "place": "string",
                     *           "phase": "draft",
                     *           "updatedAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        committeeId: string;
                        timeZone: string;
                        sessions: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            scheduledStart: string;
                            /** @enum {unknown} */
                            mode: "remote" | "in_person" | "mixed" | "written";
                            place?: string;
                            /** @enum {unknown} */
                            phase: "draft" | "convened" | "open" | "deliberating" | "closed" | "minutes_drafted" | "signed" | "notified" | "completed" | "adjourned" | "cancelled";
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCommitteesSessions: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "scheduledStart": "2019-08-24T14:15:22Z",
                 *       "mode": "remote",
                 *       "place": "string",
                 *       "closesAt": "2019-08-24T14:15:22Z"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description The convened time, to come
                     */
                    scheduledStart: string;
                    /** @enum {unknown} */
                    mode?: "remote" | "in_person" | "mixed" | "written";
                    /** @description The room of an in-person or mixed sitting, as the convocation states it */
                    place?: string;
                    /**
                     * Format: date-time
                     * @description A written session (`mode: written`): when its window closes; it opens at `scheduledStart`. The duration is bounded by the rules (`writtenSessions`)
                     */
                    closesAt?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    /** @description The address of what was created or found (/sessions/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "workflowId": "string",
                     *       "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *       "scheduledStart": "2019-08-24T14:15:22Z",
                     *       "rulesVersion": 0
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        workflowId: string;
                        /** Format: uuid */
                        committeeId: string;
                        /** Format: date-time */
                        scheduledStart: string;
                        rulesVersion: number;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    /** @description The address of what was created or found (/sessions/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "workflowId": "string",
                     *       "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *       "scheduledStart": "2019-08-24T14:15:22Z",
                     *       "rulesVersion": 0
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        workflowId: string;
                        /** Format: uuid */
                        committeeId: string;
                        /** Format: date-time */
                        scheduledStart: string;
                        rulesVersion: number;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommitteesRules: {
        parameters: {
            query?: {
                /** @description A version of the minutes; the latest by default */
                version?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *       "version": 0,
                     *       "rules": {
                     *         "quorum": {
                     *           "threshold": 1,
                     *           "gracePeriodMinutes": 0,
                     *           "reconvenedWithoutQuorum": true,
                     *           "reconveneAfterDays": 1
                     *         },
                     *         "proxiesPerHolder": 0,
                     *         "noticePeriodDays": 0,
                     *         "urgentConvocationAllowed": true,
                     *         "majority": {
                     *           "basis": "votes_cast",
                     *           "abstentionsCount": true
                     *         },
                     *         "tieWithoutMayor": "defer",
                     *         "remoteSessionsAllowed": true,
                     *         "remoteMinimumParticipation": 0,
                     *         "minutesSigners": [
                     *           "chair"
                     *         ],
                     *         "offerResponseDays": 1,
                     *         "openingToleranceMinutes": 0,
                     *         "unconvenedOpeningAllowed": true,
                     *         "ballotsPerSeat": 1,
                     *         "signatureReminderDays": 1,
                     *         "signatureEscalationDays": 1,
                     *         "letterSignatory": {
                     *           "name": "string",
                     *           "title": "string"
                     *         },
                     *         "writtenSessions": {
                     *           "allowed": true,
                     *           "approval": {
                     *             "date": "2019-08-24",
                     *             "reference": "string"
                     *           },
                     *           "minWindowHours": 1,
                     *           "maxWindowHours": 1,
                     *           "extensionMaxHours": 1,
                     *           "minimumParticipation": 0,
                     *           "reminderHoursBeforeClose": [
                     *             1
                     *           ],
                     *           "earlyCloseAllowed": true,
                     *           "referralRequests": 1,
                     *           "messagesPerItem": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        committeeId: string;
                        version: number;
                        rules: {
                            quorum: {
                                threshold: number;
                                gracePeriodMinutes: number;
                                reconvenedWithoutQuorum: boolean;
                                reconveneAfterDays: number;
                            };
                            proxiesPerHolder: number;
                            noticePeriodDays: number;
                            urgentConvocationAllowed: boolean;
                            majority: {
                                /** @enum {unknown} */
                                basis: "votes_cast" | "present_or_represented";
                                abstentionsCount: boolean;
                            };
                            /** @enum {unknown} */
                            tieWithoutMayor: "defer" | "revote";
                            remoteSessionsAllowed: boolean;
                            remoteMinimumParticipation: number;
                            minutesSigners: ("chair" | "secretary")[];
                            offerResponseDays: number;
                            /** @description How many minutes before its convened time the sitting may open (default 0) */
                            openingToleranceMinutes?: number;
                            /** @description Whether the sitting may open while a member is not convened, with a reason the minutes print (default false) */
                            unconvenedOpeningAllowed?: boolean;
                            /** @description How many ballots a member may cast for one seat in one vote, changes of mind included (default 20) */
                            ballotsPerSeat?: number;
                            /** @description Days between reminders to the signers of unsigned minutes (default 3) */
                            signatureReminderDays?: number;
                            /** @description Days after drafting before unsigned minutes are escalated to ops (default 10) */
                            signatureEscalationDays?: number;
                            /** @description Who signs the decision and offer letters for the landlord (default: the committee's secretariat) */
                            letterSignatory?: {
                                name: string;
                                title: string;
                            };
                            /** @description Written sessions (ordonnance 2014-1329 art. 3); defaults: not allowed, 24 to 120 hours, half, reminders 24 h and 2 h before the close */
                            writtenSessions?: {
                                /** @description Whether the internal rules provide for written sessions (default false) */
                                allowed: boolean;
                                /** @description The approval of the rules providing for written sessions (the prefect's before the 3DS law, or the board's): required when allowed */
                                approval?: {
                                    /** Format: date */
                                    date: string;
                                    reference: string;
                                };
                                minWindowHours: number;
                                maxWindowHours: number;
                                /** @description How much later the one extension may move the close */
                                extensionMaxHours: number;
                                /** @description Share of an item's roster that must vote for it to be decided (at least half) */
                                minimumParticipation: number;
                                /** @description When members who have not voted are reminded */
                                reminderHoursBeforeClose: number[];
                                /** @description Whether the window may close early once every roster member voted */
                                earlyCloseAllowed: boolean;
                                /** @description How many voting members' requests refer an item to a live sitting */
                                referralRequests: number;
                                /** @description Messages one person may post on an item's debate */
                                messagesPerItem: number;
                            };
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putCommitteesRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "quorum": {
                 *         "threshold": 1,
                 *         "gracePeriodMinutes": 0,
                 *         "reconvenedWithoutQuorum": true,
                 *         "reconveneAfterDays": 1
                 *       },
                 *       "proxiesPerHolder": 0,
                 *       "noticePeriodDays": 0,
                 *       "urgentConvocationAllowed": true,
                 *       "majority": {
                 *         "basis": "votes_cast",
                 *         "abstentionsCount": true
                 *       },
                 *       "tieWithoutMayor": "defer",
                 *       "remoteSessionsAllowed": true,
                 *       "remoteMinimumParticipation": 0,
                 *       "minutesSigners": [
                 *         "chair"
                 *       ],
                 *       "offerResponseDays": 1,
                 *       "openingToleranceMinutes": 0,
                 *       "unconvenedOpeningAllowed": true,
                 *       "ballotsPerSeat": 1,
                 *       "signatureReminderDays": 1,
                 *       "signatureEscalationDays": 1,
                 *       "letterSignatory": {
                 *         "name": "string",
                 *         "title": "string"
                 *       },
                 *       "writtenSessions": {
                 *         "allowed": true,
                 *         "approval": {
                 *           "date": "2019-08-24",
                 *           "reference": "string"
                 *         },
                 *         "minWindowHours": 1,
                 *         "maxWindowHours": 1,
                 *         "extensionMaxHours": 1,
                 *         "minimumParticipation": 0,
                 *         "reminderHoursBeforeClose": [
                 *           1
                 *         ],
                 *         "earlyCloseAllowed": true,
                 *         "referralRequests": 1,
                 *         "messagesPerItem": 1
                 *       }
                 *     }
                 */
                "application/json": {
                    quorum: {
                        threshold: number;
                        gracePeriodMinutes: number;
                        reconvenedWithoutQuorum: boolean;
                        reconveneAfterDays: number;
                    };
                    proxiesPerHolder: number;
                    noticePeriodDays: number;
                    urgentConvocationAllowed: boolean;
                    majority: {
                        /** @enum {unknown} */
                        basis: "votes_cast" | "present_or_represented";
                        abstentionsCount: boolean;
                    };
                    /** @enum {unknown} */
                    tieWithoutMayor: "defer" | "revote";
                    remoteSessionsAllowed: boolean;
                    remoteMinimumParticipation: number;
                    minutesSigners: ("chair" | "secretary")[];
                    offerResponseDays: number;
                    /** @description How many minutes before its convened time the sitting may open (default 0) */
                    openingToleranceMinutes?: number;
                    /** @description Whether the sitting may open while a member is not convened, with a reason the minutes print (default false) */
                    unconvenedOpeningAllowed?: boolean;
                    /** @description How many ballots a member may cast for one seat in one vote, changes of mind included (default 20) */
                    ballotsPerSeat?: number;
                    /** @description Days between reminders to the signers of unsigned minutes (default 3) */
                    signatureReminderDays?: number;
                    /** @description Days after drafting before unsigned minutes are escalated to ops (default 10) */
                    signatureEscalationDays?: number;
                    /** @description Who signs the decision and offer letters for the landlord (default: the committee's secretariat) */
                    letterSignatory?: {
                        name: string;
                        title: string;
                    };
                    /** @description Written sessions (ordonnance 2014-1329 art. 3); defaults: not allowed, 24 to 120 hours, half, reminders 24 h and 2 h before the close */
                    writtenSessions?: {
                        /** @description Whether the internal rules provide for written sessions (default false) */
                        allowed: boolean;
                        /** @description The approval of the rules providing for written sessions (the prefect's before the 3DS law, or the board's): required when allowed */
                        approval?: {
                            /** Format: date */
                            date: string;
                            reference: string;
                        };
                        minWindowHours: number;
                        maxWindowHours: number;
                        /** @description How much later the one extension may move the close */
                        extensionMaxHours: number;
                        /** @description Share of an item's roster that must vote for it to be decided (at least half) */
                        minimumParticipation: number;
                        /** @description When members who have not voted are reminded */
                        reminderHoursBeforeClose: number[];
                        /** @description Whether the window may close early once every roster member voted */
                        earlyCloseAllowed: boolean;
                        /** @description How many voting members' requests refer an item to a live sitting */
                        referralRequests: number;
                        /** @description Messages one person may post on an item's debate */
                        messagesPerItem: number;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *       "version": 0,
                     *       "rules": {
                     *         "quorum": {
                     *           "threshold": 1,
                     *           "gracePeriodMinutes": 0,
                     *           "reconvenedWithoutQuorum": true,
                     *           "reconveneAfterDays": 1
                     *         },
                     *         "proxiesPerHolder": 0,
                     *         "noticePeriodDays": 0,
                     *         "urgentConvocationAllowed": true,
                     *         "majority": {
                     *           "basis": "votes_cast",
                     *           "abstentionsCount": true
                     *         },
                     *         "tieWithoutMayor": "defer",
                     *         "remoteSessionsAllowed": true,
                     *         "remoteMinimumParticipation": 0,
                     *         "minutesSigners": [
                     *           "chair"
                     *         ],
                     *         "offerResponseDays": 1,
                     *         "openingToleranceMinutes": 0,
                     *         "unconvenedOpeningAllowed": true,
                     *         "ballotsPerSeat": 1,
                     *         "signatureReminderDays": 1,
                     *         "signatureEscalationDays": 1,
                     *         "letterSignatory": {
                     *           "name": "string",
                     *           "title": "string"
                     *         },
                     *         "writtenSessions": {
                     *           "allowed": true,
                     *           "approval": {
                     *             "date": "2019-08-24",
                     *             "reference": "string"
                     *           },
                     *           "minWindowHours": 1,
                     *           "maxWindowHours": 1,
                     *           "extensionMaxHours": 1,
                     *           "minimumParticipation": 0,
                     *           "reminderHoursBeforeClose": [
                     *             1
                     *           ],
                     *           "earlyCloseAllowed": true,
                     *           "referralRequests": 1,
                     *           "messagesPerItem": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        committeeId: string;
                        version: number;
                        rules: {
                            quorum: {
                                threshold: number;
                                gracePeriodMinutes: number;
                                reconvenedWithoutQuorum: boolean;
                                reconveneAfterDays: number;
                            };
                            proxiesPerHolder: number;
                            noticePeriodDays: number;
                            urgentConvocationAllowed: boolean;
                            majority: {
                                /** @enum {unknown} */
                                basis: "votes_cast" | "present_or_represented";
                                abstentionsCount: boolean;
                            };
                            /** @enum {unknown} */
                            tieWithoutMayor: "defer" | "revote";
                            remoteSessionsAllowed: boolean;
                            remoteMinimumParticipation: number;
                            minutesSigners: ("chair" | "secretary")[];
                            offerResponseDays: number;
                            /** @description How many minutes before its convened time the sitting may open (default 0) */
                            openingToleranceMinutes?: number;
                            /** @description Whether the sitting may open while a member is not convened, with a reason the minutes print (default false) */
                            unconvenedOpeningAllowed?: boolean;
                            /** @description How many ballots a member may cast for one seat in one vote, changes of mind included (default 20) */
                            ballotsPerSeat?: number;
                            /** @description Days between reminders to the signers of unsigned minutes (default 3) */
                            signatureReminderDays?: number;
                            /** @description Days after drafting before unsigned minutes are escalated to ops (default 10) */
                            signatureEscalationDays?: number;
                            /** @description Who signs the decision and offer letters for the landlord (default: the committee's secretariat) */
                            letterSignatory?: {
                                name: string;
                                title: string;
                            };
                            /** @description Written sessions (ordonnance 2014-1329 art. 3); defaults: not allowed, 24 to 120 hours, half, reminders 24 h and 2 h before the close */
                            writtenSessions?: {
                                /** @description Whether the internal rules provide for written sessions (default false) */
                                allowed: boolean;
                                /** @description The approval of the rules providing for written sessions (the prefect's before the 3DS law, or the board's): required when allowed */
                                approval?: {
                                    /** Format: date */
                                    date: string;
                                    reference: string;
                                };
                                minWindowHours: number;
                                maxWindowHours: number;
                                /** @description How much later the one extension may move the close */
                                extensionMaxHours: number;
                                /** @description Share of an item's roster that must vote for it to be decided (at least half) */
                                minimumParticipation: number;
                                /** @description When members who have not voted are reminded */
                                reminderHoursBeforeClose: number[];
                                /** @description Whether the window may close early once every roster member voted */
                                earlyCloseAllowed: boolean;
                                /** @description How many voting members' requests refer an item to a live sitting */
                                referralRequests: number;
                                /** @description Messages one person may post on an item's debate */
                                messagesPerItem: number;
                            };
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCommitteesChairElection: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ballots": [
                 *         {
                 *           "voterId": "2f88d831-dd2d-4646-94b3-a7ea79cde62c",
                 *           "candidateId": "10f4deb6-fd4e-4907-a47e-355caf6e449d"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    ballots: {
                        /** Format: uuid */
                        voterId: string;
                        /** Format: uuid */
                        candidateId: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "outcome": "elected",
                     *       "chairId": "dd1f0ea4-b60a-4c53-a16f-382bb11eb6df",
                     *       "decidedBy": "string",
                     *       "counts": {
                     *         "property1": 0,
                     *         "property2": 0
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        outcome: "elected" | "no_majority";
                        /** Format: uuid */
                        chairId?: string;
                        decidedBy?: string;
                        counts: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCommitteesMembers: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "string",
                 *       "email": "user@example.com",
                 *       "role": "board_member",
                 *       "commune": "string",
                 *       "epci": "string",
                 *       "contingent": "string",
                 *       "substituteFor": "84bd1868-dd41-472c-9c18-558bd4b0e34c",
                 *       "birthDate": "2019-08-24",
                 *       "tenantRepresentative": true,
                 *       "chair": true
                 *     }
                 */
                "application/json": {
                    name: string;
                    /** Format: email */
                    email: string;
                    /** @enum {unknown} */
                    role: "board_member" | "board_substitute" | "prefect" | "epci_president" | "mayor" | "social_organisation" | "reservataire" | "social_services" | "staff";
                    commune?: string;
                    epci?: string;
                    contingent?: string;
                    /** Format: uuid */
                    substituteFor?: string;
                    /** Format: date */
                    birthDate?: string;
                    tenantRepresentative?: boolean;
                    chair?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "name": "string",
                     *       "email": "string",
                     *       "role": "board_member",
                     *       "commune": "string",
                     *       "epci": "string",
                     *       "contingent": "string",
                     *       "substituteFor": "string",
                     *       "birthDate": "string",
                     *       "tenantRepresentative": true,
                     *       "chair": true,
                     *       "active": true
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description Shown to the committee's staff and to the member themself */
                        email?: string;
                        /** @enum {unknown} */
                        role: "board_member" | "board_substitute" | "prefect" | "epci_president" | "mayor" | "social_organisation" | "reservataire" | "social_services" | "staff";
                        commune: string | null;
                        epci: string | null;
                        contingent: string | null;
                        substituteFor: string | null;
                        birthDate: string | null;
                        tenantRepresentative: boolean;
                        chair: boolean;
                        active: boolean;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchCommitteesMembersByMemberId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "string",
                 *       "email": "user@example.com",
                 *       "commune": "string",
                 *       "epci": "string",
                 *       "contingent": "string",
                 *       "substituteFor": "84bd1868-dd41-472c-9c18-558bd4b0e34c",
                 *       "birthDate": "2019-08-24",
                 *       "tenantRepresentative": true,
                 *       "active": true
                 *     }
                 */
                "application/json": {
                    name?: string;
                    /** Format: email */
                    email?: string;
                    commune?: string;
                    epci?: string;
                    contingent?: string;
                    /** Format: uuid */
                    substituteFor?: string;
                    /** Format: date */
                    birthDate?: string;
                    tenantRepresentative?: boolean;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "name": "string",
                     *       "email": "string",
                     *       "role": "board_member",
                     *       "commune": "string",
                     *       "epci": "string",
                     *       "contingent": "string",
                     *       "substituteFor": "string",
                     *       "birthDate": "string",
                     *       "tenantRepresentative": true,
                     *       "chair": true,
                     *       "active": true
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description Shown to the committee's staff and to the member themself */
                        email?: string;
                        /** @enum {unknown} */
                        role: "board_member" | "board_substitute" | "prefect" | "epci_president" | "mayor" | "social_organisation" | "reservataire" | "social_services" | "staff";
                        commune: string | null;
                        epci: string | null;
                        contingent: string | null;
                        substituteFor: string | null;
                        birthDate: string | null;
                        tenantRepresentative: boolean;
                        chair: boolean;
                        active: boolean;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *       "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *       "rulesVersion": 0,
                     *       "mode": "remote",
                     *       "videoProvider": "string",
                     *       "timeZone": "string",
                     *       "place": "string",
                     *       "phase": "draft",
                     *       "scheduledStart": "2019-08-24T14:15:22Z",
                     *       "published": {
                     *         "sequence": 0,
                     *         "at": "2019-08-24T14:15:22Z",
                     *         "urgencyReason": "string"
                     *       },
                     *       "convocations": {
                     *         "property1": {
                     *           "status": "convened",
                     *           "deliveredAt": "2019-08-24T14:15:22Z",
                     *           "channel": "email",
                     *           "sequence": 0,
                     *           "failure": {
                     *             "reason": "string",
                     *             "at": "2019-08-24T14:15:22Z",
                     *             "attempts": 0,
                     *             "retryAt": "2019-08-24T14:15:22Z"
                     *           }
                     *         },
                     *         "property2": {
                     *           "status": "convened",
                     *           "deliveredAt": "2019-08-24T14:15:22Z",
                     *           "channel": "email",
                     *           "sequence": 0,
                     *           "failure": {
                     *             "reason": "string",
                     *             "at": "2019-08-24T14:15:22Z",
                     *             "attempts": 0,
                     *             "retryAt": "2019-08-24T14:15:22Z"
                     *           }
                     *         }
                     *       },
                     *       "sitting": {
                     *         "openedAt": "2019-08-24T14:15:22Z",
                     *         "deliberationsStartedAt": "2019-08-24T14:15:22Z",
                     *         "deliberationsQuorum": {
                     *           "rosterSize": 0,
                     *           "present": 0,
                     *           "represented": 0,
                     *           "required": 0,
                     *           "reached": true
                     *         },
                     *         "closedAt": "2019-08-24T14:15:22Z",
                     *         "unconvened": {
                     *           "memberIds": [
                     *             "string"
                     *           ],
                     *           "reason": "string"
                     *         }
                     *       },
                     *       "cancellation": {
                     *         "at": "2019-08-24T14:15:22Z",
                     *         "by": "string",
                     *         "reason": "string",
                     *         "notified": true
                     *       },
                     *       "window": {
                     *         "opensAt": "2019-08-24T14:15:22Z",
                     *         "closesAt": "2019-08-24T14:15:22Z",
                     *         "openedAt": "2019-08-24T14:15:22Z",
                     *         "closedAt": "2019-08-24T14:15:22Z",
                     *         "early": true,
                     *         "extension": {
                     *           "from": "2019-08-24T14:15:22Z",
                     *           "to": "2019-08-24T14:15:22Z",
                     *           "reason": "string",
                     *           "by": "string",
                     *           "at": "2019-08-24T14:15:22Z"
                     *         },
                     *         "reminders": [
                     *           {
                     *             "hoursBefore": 0,
                     *             "closesAt": "2019-08-24T14:15:22Z",
                     *             "at": "2019-08-24T14:15:22Z",
                     *             "memberIds": [
                     *               "string"
                     *             ],
                     *             "emailed": 0
                     *           }
                     *         ]
                     *       },
                     *       "members": [
                     *         {
                     *           "id": "string",
                     *           "role": "board_member",
                     *           "commune": "string",
                     *           "epci": "string",
                     *           "substituteFor": "string",
                     *           "contingent": "string",
                     *           "chair": true
                     *         }
                     *       ],
                     *       "agenda": [
                     *         {
                     *           "id": "string",
                     *           "kind": "allocation",
                     *           "position": 0,
                     *           "dwellingId": "string",
                     *           "place": {
                     *             "commune": "string",
                     *             "epci": "string",
                     *             "contingent": "string"
                     *           },
                     *           "candidates": [
                     *             {
                     *               "applicationId": "string",
                     *               "rank": 0
                     *             }
                     *           ],
                     *           "exception": "string",
                     *           "status": "pending",
                     *           "conflicts": [
                     *             "string"
                     *           ],
                     *           "proposal": [
                     *             {
                     *               "applicationId": "string",
                     *               "type": "attribution",
                     *               "rank": 0,
                     *               "conditionDocument": "string",
                     *               "conditionDeadline": "string",
                     *               "reasons": "string"
                     *             }
                     *           ],
                     *           "proposedOpinion": {
                     *             "situation": "string",
                     *             "suitableDwelling": "string",
                     *             "advice": "string"
                     *           },
                     *           "votes": {
                     *             "property1": {
                     *               "choice": "for",
                     *               "castBy": "string",
                     *               "castAt": "2019-08-24T14:15:22Z"
                     *             },
                     *             "property2": {
                     *               "choice": "for",
                     *               "castBy": "string",
                     *               "castAt": "2019-08-24T14:15:22Z"
                     *             }
                     *           },
                     *           "results": [
                     *             {
                     *               "outcome": "adopted",
                     *               "decidedBy": "string",
                     *               "counts": {
                     *                 "for": 0,
                     *                 "against": 0,
                     *                 "abstain": 0
                     *               },
                     *               "quorum": {
                     *                 "rosterSize": 0,
                     *                 "present": 0,
                     *                 "represented": 0,
                     *                 "required": 0,
                     *                 "reached": true
                     *               },
                     *               "castingVoterId": "string",
                     *               "itemStatus": "pending",
                     *               "closedAt": "2019-08-24T14:15:22Z"
                     *             }
                     *           ],
                     *           "decisions": [
                     *             {
                     *               "applicationId": "string",
                     *               "type": "attribution",
                     *               "rank": 0,
                     *               "conditionDocument": "string",
                     *               "conditionDeadline": "string",
                     *               "reasons": "string"
                     *             }
                     *           ],
                     *           "opinion": {
                     *             "situation": "string",
                     *             "suitableDwelling": "string",
                     *             "advice": "string"
                     *           },
                     *           "deferral": {
                     *             "cause": "deferral",
                     *             "reason": "string",
                     *             "by": "string"
                     *           },
                     *           "referredFrom": {
                     *             "sessionId": "string",
                     *             "reason": "string"
                     *           },
                     *           "roster": [
                     *             "string"
                     *           ],
                     *           "participation": {
                     *             "rosterSize": 0,
                     *             "present": 0,
                     *             "represented": 0,
                     *             "required": 0,
                     *             "reached": true
                     *           },
                     *           "ballots": {
                     *             "property1": 0,
                     *             "property2": 0
                     *           },
                     *           "debate": [
                     *             {
                     *               "seq": 0,
                     *               "by": "string",
                     *               "at": "2019-08-24T14:15:22Z",
                     *               "text": "string"
                     *             }
                     *           ],
                     *           "referralRequests": [
                     *             {
                     *               "memberId": "string",
                     *               "at": "2019-08-24T14:15:22Z",
                     *               "reason": "string"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "attendance": {
                     *         "property1": {
                     *           "present": true,
                     *           "since": "2019-08-24T14:15:22Z",
                     *           "how": "string"
                     *         },
                     *         "property2": {
                     *           "present": true,
                     *           "since": "2019-08-24T14:15:22Z",
                     *           "how": "string"
                     *         }
                     *       },
                     *       "proxies": {
                     *         "property1": "string",
                     *         "property2": "string"
                     *       },
                     *       "quorum": {
                     *         "rosterSize": 0,
                     *         "present": 0,
                     *         "represented": 0,
                     *         "required": 0,
                     *         "reached": true
                     *       },
                     *       "openVote": {
                     *         "itemId": "string",
                     *         "openedAt": "2019-08-24T14:15:22Z",
                     *         "quorum": {
                     *           "rosterSize": 0,
                     *           "present": 0,
                     *           "represented": 0,
                     *           "required": 0,
                     *           "reached": true
                     *         },
                     *         "counts": {
                     *           "for": 0,
                     *           "against": 0,
                     *           "abstain": 0
                     *         },
                     *         "votesCast": 0
                     *       },
                     *       "meeting": {
                     *         "id": 0,
                     *         "uuid": "string",
                     *         "startedAt": "string",
                     *         "endedAt": "string",
                     *         "reconciledAt": "string"
                     *       },
                     *       "participants": [
                     *         {
                     *           "key": "string",
                     *           "memberId": "string",
                     *           "guestName": "string",
                     *           "joinedAt": "string",
                     *           "leftAt": "string"
                     *         }
                     *       ],
                     *       "participantMappings": {
                     *         "property1": "string",
                     *         "property2": "string"
                     *       },
                     *       "withoutQuorum": true,
                     *       "reconvenedFrom": "string",
                     *       "reconvenedAs": "string",
                     *       "minutes": {
                     *         "status": "drafted",
                     *         "version": 0,
                     *         "sha256": "string",
                     *         "signatures": [
                     *           {
                     *             "memberId": "string",
                     *             "role": "string",
                     *             "signedAt": "2019-08-24T14:15:22Z",
                     *             "keyFingerprint": "string",
                     *             "pdf": {
                     *               "baseSha256": "string",
                     *               "sha256": "string",
                     *               "signerName": "string",
                     *               "certificateSha256": "string",
                     *               "timestampedAt": "2019-08-24T14:15:22Z"
                     *             }
                     *           }
                     *         ],
                     *         "amendments": [
                     *           {
                     *             "version": 0,
                     *             "at": "2019-08-24T14:15:22Z",
                     *             "by": "string",
                     *             "reason": "string",
                     *             "text": "string"
                     *           }
                     *         ],
                     *         "redrafting": true,
                     *         "pdfHead": "string"
                     *       },
                     *       "lastProgressAt": "2019-08-24T14:15:22Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        sessionId: string;
                        /** Format: uuid */
                        committeeId: string;
                        rulesVersion: number;
                        /** @enum {unknown} */
                        mode: "remote" | "in_person" | "mixed" | "written";
                        videoProvider: string;
                        timeZone: string;
                        place?: string;
                        /** @enum {unknown} */
                        phase: "draft" | "convened" | "open" | "deliberating" | "closed" | "minutes_drafted" | "signed" | "notified" | "completed" | "adjourned" | "cancelled";
                        /** Format: date-time */
                        scheduledStart: string;
                        published?: {
                            sequence: number;
                            /** Format: date-time */
                            at: string;
                            urgencyReason?: string;
                        };
                        /** @description Each convened member's convocation, by member id */
                        convocations: {
                            [key: string]: {
                                /**
                                 * @description convened in time; convened after the notice began; not convened
                                 * @enum {unknown}
                                 */
                                status: "convened" | "late" | "not_convened";
                                /** Format: date-time */
                                deliveredAt?: string;
                                /** @enum {unknown} */
                                channel?: "email" | "hand_delivery" | "registered_letter";
                                /** @description The latest version of the agenda the member was sent (0: none) */
                                sequence: number;
                                failure?: {
                                    reason: string;
                                    /** Format: date-time */
                                    at: string;
                                    attempts: number;
                                    /** Format: date-time */
                                    retryAt: string;
                                };
                            };
                        };
                        sitting: {
                            /** Format: date-time */
                            openedAt?: string;
                            /** Format: date-time */
                            deliberationsStartedAt?: string;
                            deliberationsQuorum?: {
                                rosterSize: number;
                                present: number;
                                represented: number;
                                required: number;
                                reached: boolean;
                            };
                            /** Format: date-time */
                            closedAt?: string;
                            unconvened?: {
                                memberIds: string[];
                                reason: string;
                            };
                        };
                        cancellation?: {
                            /** Format: date-time */
                            at: string;
                            by: string;
                            reason: string;
                            notified: boolean;
                        };
                        /** @description A written session's window */
                        window?: {
                            /** Format: date-time */
                            opensAt: string;
                            /** Format: date-time */
                            closesAt: string;
                            /** Format: date-time */
                            openedAt?: string;
                            /** Format: date-time */
                            closedAt?: string;
                            early?: boolean;
                            extension?: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                                reason: string;
                                by: string;
                                /** Format: date-time */
                                at: string;
                            };
                            reminders: {
                                hoursBefore: number;
                                /** Format: date-time */
                                closesAt: string;
                                /** Format: date-time */
                                at: string;
                                memberIds: string[];
                                emailed: number;
                            }[];
                        };
                        members: {
                            id: string;
                            /** @enum {unknown} */
                            role: "board_member" | "board_substitute" | "prefect" | "epci_president" | "mayor" | "social_organisation" | "reservataire" | "social_services" | "staff";
                            commune?: string;
                            epci?: string;
                            substituteFor?: string;
                            contingent?: string;
                            chair: boolean;
                        }[];
                        agenda: {
                            id: string;
                            /** @enum {unknown} */
                            kind: "allocation" | "occupancy_review";
                            position: number;
                            dwellingId: string;
                            place: {
                                commune: string;
                                epci?: string;
                                contingent?: string;
                            };
                            candidates: {
                                applicationId: string;
                                rank: number;
                            }[];
                            exception?: string;
                            /** @enum {unknown} */
                            status: "pending" | "voting" | "decided" | "deferred";
                            conflicts: string[];
                            proposal?: {
                                applicationId: string;
                                /** @enum {unknown} */
                                type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                                rank?: number;
                                conditionDocument?: string;
                                conditionDeadline?: string;
                                reasons?: string;
                            }[];
                            proposedOpinion?: {
                                situation: string;
                                suitableDwelling: string;
                                advice?: string;
                            };
                            votes: {
                                [key: string]: {
                                    /** @enum {unknown} */
                                    choice: "for" | "against" | "abstain";
                                    castBy: string;
                                    /** Format: date-time */
                                    castAt: string;
                                };
                            };
                            results: {
                                /** @enum {unknown} */
                                outcome: "adopted" | "rejected" | "no_decision";
                                decidedBy: string;
                                counts: {
                                    for: number;
                                    against: number;
                                    abstain: number;
                                };
                                quorum: {
                                    rosterSize: number;
                                    present: number;
                                    represented: number;
                                    required: number;
                                    reached: boolean;
                                };
                                castingVoterId?: string;
                                /** @enum {unknown} */
                                itemStatus: "pending" | "voting" | "decided" | "deferred";
                                /** Format: date-time */
                                closedAt: string;
                            }[];
                            decisions: {
                                applicationId: string;
                                /** @enum {unknown} */
                                type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                                rank?: number;
                                conditionDocument?: string;
                                conditionDeadline?: string;
                                reasons?: string;
                            }[];
                            opinion?: {
                                situation: string;
                                suitableDwelling: string;
                                advice?: string;
                            };
                            deferral?: {
                                /** @enum {unknown} */
                                cause: "deferral" | "referral" | "tie_without_mayor" | "participation_not_reached" | "proposal_rejected" | "no_proposal";
                                reason?: string;
                                by: string;
                            };
                            /** @description An item a written session referred to a live sitting: that session and the reasons given */
                            referredFrom?: {
                                sessionId: string;
                                reason: string;
                            };
                            /** @description Written sessions: the seats (titular member ids) that vote on the item */
                            roster?: string[];
                            /** @description Written sessions: the seats that voted so far (in person or by proxy) against the share the rules require */
                            participation?: {
                                rosterSize: number;
                                present: number;
                                represented: number;
                                required: number;
                                reached: boolean;
                            };
                            /** @description Written sessions: ballots cast per seat, changes included */
                            ballots?: {
                                [key: string]: number;
                            };
                            /** @description Written sessions: the debate on the item, in order */
                            debate?: {
                                seq: number;
                                /** @description A member id, or staff:<subject> */
                                by: string;
                                /** Format: date-time */
                                at: string;
                                text: string;
                            }[];
                            /** @description Written sessions: requests to refer the item to a live sitting */
                            referralRequests?: {
                                memberId: string;
                                /** Format: date-time */
                                at: string;
                                reason: string;
                            }[];
                        }[];
                        attendance: {
                            [key: string]: {
                                present: boolean;
                                /** Format: date-time */
                                since: string;
                                how: string;
                            };
                        };
                        proxies: {
                            [key: string]: string;
                        };
                        quorum: {
                            rosterSize: number;
                            present: number;
                            represented: number;
                            required: number;
                            reached: boolean;
                        };
                        openVote?: {
                            itemId: string;
                            /** Format: date-time */
                            openedAt: string;
                            quorum: {
                                rosterSize: number;
                                present: number;
                                represented: number;
                                required: number;
                                reached: boolean;
                            };
                            counts: {
                                for: number;
                                against: number;
                                abstain: number;
                            };
                            votesCast: number;
                        };
                        meeting?: {
                            id: number;
                            uuid: string;
                            startedAt?: string;
                            endedAt?: string;
                            reconciledAt?: string;
                        };
                        participants: {
                            key: string;
                            memberId?: string;
                            guestName?: string;
                            joinedAt?: string;
                            leftAt?: string;
                        }[];
                        participantMappings: {
                            [key: string]: string;
                        };
                        withoutQuorum: boolean;
                        reconvenedFrom?: string;
                        reconvenedAs?: string;
                        minutes?: {
                            /** @enum {unknown} */
                            status: "drafted" | "signed";
                            version: number;
                            sha256: string;
                            signatures: {
                                memberId: string;
                                role: string;
                                /** Format: date-time */
                                signedAt: string;
                                keyFingerprint?: string;
                                /** @description A PDF signature (PAdES B-T): the revision it extended and made, the signer's certificate, the certified time */
                                pdf?: {
                                    baseSha256: string;
                                    sha256: string;
                                    signerName: string;
                                    certificateSha256: string;
                                    /** Format: date-time */
                                    timestampedAt: string;
                                };
                            }[];
                            amendments?: {
                                version: number;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string;
                                text: string;
                            }[];
                            redrafting?: boolean;
                            /** @description SHA-256 of the PDF bearing this version's signatures so far */
                            pdfHead?: string;
                        };
                        /** Format: date-time */
                        lastProgressAt: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsFiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "itemId": "f11b669d-7201-4c21-88af-d85092f0c005",
                     *           "dwelling": {
                     *             "reference": "string",
                     *             "address": "string",
                     *             "commune": "string",
                     *             "epci": "string",
                     *             "type": "string",
                     *             "surfaceM2": 0,
                     *             "rentCents": 0,
                     *             "financing": "string",
                     *             "contingent": "string"
                     *           },
                     *           "candidates": [
                     *             {
                     *               "applicationId": "97ab27fa-30e2-43e3-92a3-160e80f4c0d5",
                     *               "rank": 0,
                     *               "applicationNumber": "string",
                     *               "householdSummary": "string",
                     *               "priority": "string"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            itemId: string;
                            dwelling: {
                                reference: string;
                                address: string;
                                commune: string;
                                epci?: string;
                                type: string;
                                surfaceM2: number;
                                rentCents: number;
                                financing: string;
                                contingent?: string;
                            };
                            candidates: {
                                /** Format: uuid */
                                applicationId: string;
                                rank: number;
                                applicationNumber: string;
                                householdSummary: string;
                                priority?: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsJoinLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "joinUrl": "http://example.com"
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uri
                         * @description Zoom's personal join URL of the member's registration
                         */
                        joinUrl: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `id:` of the last event received, to resume after a drop */
                "last-event-id"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The session has finished and the client has its last state */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAgendaItems: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "allocation",
                 *       "dwelling": {
                 *         "reference": "string",
                 *         "address": "string",
                 *         "commune": "string",
                 *         "epci": "string",
                 *         "type": "string",
                 *         "surfaceM2": 1,
                 *         "rentCents": 0,
                 *         "financing": "string",
                 *         "contingent": "string"
                 *       },
                 *       "candidates": [
                 *         {
                 *           "applicationNumber": "string",
                 *           "householdSummary": "string",
                 *           "priority": "string",
                 *           "rank": 1,
                 *           "applicant": {
                 *             "name": "string",
                 *             "email": "user@example.com",
                 *             "postalAddress": "string"
                 *           }
                 *         }
                 *       ],
                 *       "tenant": {
                 *         "fileNumber": "string",
                 *         "householdSummary": "string"
                 *       },
                 *       "exception": "insufficient_candidates",
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /** @enum {unknown} */
                    kind?: "allocation" | "occupancy_review";
                    dwelling: {
                        reference: string;
                        address: string;
                        commune: string;
                        epci?: string;
                        type: string;
                        surfaceM2: number;
                        rentCents: number;
                        financing: string;
                        contingent?: string;
                    };
                    /** @description Allocation: the ranked candidates */
                    candidates?: {
                        applicationNumber: string;
                        householdSummary: string;
                        priority?: string;
                        rank: number;
                        /** @description The applicant's contact for the letter notifying the decision */
                        applicant?: {
                            name?: string;
                            /** Format: email */
                            email?: string;
                            postalAddress?: string;
                        };
                    }[];
                    /** @description Occupancy review: the tenant household examined */
                    tenant?: {
                        fileNumber: string;
                        householdSummary: string;
                    };
                    /** @enum {unknown} */
                    exception?: "insufficient_candidates" | "dalo_designation" | "financing_d331_25_1";
                    /** @description Why the published agenda changes */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "string",
                     *       "kind": "allocation",
                     *       "position": 0,
                     *       "dwellingId": "string",
                     *       "place": {
                     *         "commune": "string",
                     *         "epci": "string",
                     *         "contingent": "string"
                     *       },
                     *       "candidates": [
                     *         {
                     *           "applicationId": "string",
                     *           "rank": 0
                     *         }
                     *       ],
                     *       "exception": "string",
                     *       "status": "pending",
                     *       "conflicts": [
                     *         "string"
                     *       ],
                     *       "proposal": [
                     *         {
                     *           "applicationId": "string",
                     *           "type": "attribution",
                     *           "rank": 0,
                     *           "conditionDocument": "string",
                     *           "conditionDeadline": "string",
                     *           "reasons": "string"
                     *         }
                     *       ],
                     *       "proposedOpinion": {
                     *         "situation": "string",
                     *         "suitableDwelling": "string",
                     *         "advice": "string"
                     *       },
                     *       "votes": {
                     *         "property1": {
                     *           "choice": "for",
                     *           "castBy": "string",
                     *           "castAt": "2019-08-24T14:15:22Z"
                     *         },
                     *         "property2": {
                     *           "choice": "for",
                     *           "castBy": "string",
                     *           "castAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       },
                     *       "results": [
                     *         {
                     *           "outcome": "adopted",
                     *           "decidedBy": "string",
                     *           "counts": {
                     *             "for": 0,
                     *             "against": 0,
                     *             "abstain": 0
                     *           },
                     *           "quorum": {
                     *             "rosterSize": 0,
                     *             "present": 0,
                     *             "represented": 0,
                     *             "required": 0,
                     *             "reached": true
                     *           },
                     *           "castingVoterId": "string",
                     *           "itemStatus": "pending",
                     *           "closedAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       ],
                     *       "decisions": [
                     *         {
                     *           "applicationId": "string",
                     *           "type": "attribution",
                     *           "rank": 0,
                     *           "conditionDocument": "string",
                     *           "conditionDeadline": "string",
                     *           "reasons": "string"
                     *         }
                     *       ],
                     *       "opinion": {
                     *         "situation": "string",
                     *         "suitableDwelling": "string",
                     *         "advice": "string"
                     *       },
                     *       "deferral": {
                     *         "cause": "deferral",
                     *         "reason": "string",
                     *         "by": "string"
                     *       },
                     *       "referredFrom": {
                     *         "sessionId": "string",
                     *         "reason": "string"
                     *       },
                     *       "roster": [
                     *         "string"
                     *       ],
                     *       "participation": {
                     *         "rosterSize": 0,
                     *         "present": 0,
                     *         "represented": 0,
                     *         "required": 0,
                     *         "reached": true
                     *       },
                     *       "ballots": {
                     *         "property1": 0,
                     *         "property2": 0
                     *       },
                     *       "debate": [
                     *         {
                     *           "seq": 0,
                     *           "by": "string",
                     *           "at": "2019-08-24T14:15:22Z",
                     *           "text": "string"
                     *         }
                     *       ],
                     *       "referralRequests": [
                     *         {
                     *           "memberId": "string",
                     *           "at": "2019-08-24T14:15:22Z",
                     *           "reason": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** @enum {unknown} */
                        kind: "allocation" | "occupancy_review";
                        position: number;
                        dwellingId: string;
                        place: {
                            commune: string;
                            epci?: string;
                            contingent?: string;
                        };
                        candidates: {
                            applicationId: string;
                            rank: number;
                        }[];
                        exception?: string;
                        /** @enum {unknown} */
                        status: "pending" | "voting" | "decided" | "deferred";
                        conflicts: string[];
                        proposal?: {
                            applicationId: string;
                            /** @enum {unknown} */
                            type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                            rank?: number;
                            conditionDocument?: string;
                            conditionDeadline?: string;
                            reasons?: string;
                        }[];
                        proposedOpinion?: {
                            situation: string;
                            suitableDwelling: string;
                            advice?: string;
                        };
                        votes: {
                            [key: string]: {
                                /** @enum {unknown} */
                                choice: "for" | "against" | "abstain";
                                castBy: string;
                                /** Format: date-time */
                                castAt: string;
                            };
                        };
                        results: {
                            /** @enum {unknown} */
                            outcome: "adopted" | "rejected" | "no_decision";
                            decidedBy: string;
                            counts: {
                                for: number;
                                against: number;
                                abstain: number;
                            };
                            quorum: {
                                rosterSize: number;
                                present: number;
                                represented: number;
                                required: number;
                                reached: boolean;
                            };
                            castingVoterId?: string;
                            /** @enum {unknown} */
                            itemStatus: "pending" | "voting" | "decided" | "deferred";
                            /** Format: date-time */
                            closedAt: string;
                        }[];
                        decisions: {
                            applicationId: string;
                            /** @enum {unknown} */
                            type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                            rank?: number;
                            conditionDocument?: string;
                            conditionDeadline?: string;
                            reasons?: string;
                        }[];
                        opinion?: {
                            situation: string;
                            suitableDwelling: string;
                            advice?: string;
                        };
                        deferral?: {
                            /** @enum {unknown} */
                            cause: "deferral" | "referral" | "tie_without_mayor" | "participation_not_reached" | "proposal_rejected" | "no_proposal";
                            reason?: string;
                            by: string;
                        };
                        /** @description An item a written session referred to a live sitting: that session and the reasons given */
                        referredFrom?: {
                            sessionId: string;
                            reason: string;
                        };
                        /** @description Written sessions: the seats (titular member ids) that vote on the item */
                        roster?: string[];
                        /** @description Written sessions: the seats that voted so far (in person or by proxy) against the share the rules require */
                        participation?: {
                            rosterSize: number;
                            present: number;
                            represented: number;
                            required: number;
                            reached: boolean;
                        };
                        /** @description Written sessions: ballots cast per seat, changes included */
                        ballots?: {
                            [key: string]: number;
                        };
                        /** @description Written sessions: the debate on the item, in order */
                        debate?: {
                            seq: number;
                            /** @description A member id, or staff:<subject> */
                            by: string;
                            /** Format: date-time */
                            at: string;
                            text: string;
                        }[];
                        /** @description Written sessions: requests to refer the item to a live sitting */
                        referralRequests?: {
                            memberId: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSessionsAgendaItemsByItemId: {
        parameters: {
            query?: {
                /** @description Why the published agenda changes */
                reason?: string;
            };
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAgendaPublish: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "urgencyReason": "string"
                 *     }
                 */
                "application/json": {
                    /** @description Why the agenda is published inside the notice period */
                    urgencyReason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "phase": "draft"
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        phase: "draft" | "convened" | "open" | "deliberating" | "closed" | "minutes_drafted" | "signed" | "notified" | "completed" | "adjourned" | "cancelled";
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsConvocationsDeliveries: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "memberId": "92983ab9-49c8-444b-85ae-6e40402cf72e",
                 *       "channel": "hand_delivery",
                 *       "deliveredAt": "2019-08-24T14:15:22Z",
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /** Format: uuid */
                    memberId: string;
                    /** @enum {unknown} */
                    channel: "hand_delivery" | "registered_letter";
                    /**
                     * Format: date-time
                     * @description When the member received it
                     */
                    deliveredAt: string;
                    /** @description How and why the convocation was delivered otherwise than by e-mail */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sequence": 0,
                     *       "deliveredAt": "string",
                     *       "channel": "string"
                     *     }
                     */
                    "application/json": {
                        sequence: number;
                        deliveredAt?: string;
                        channel?: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /** @description The reason */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "phase": "draft"
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        phase: "draft" | "convened" | "open" | "deliberating" | "closed" | "minutes_drafted" | "signed" | "notified" | "completed" | "adjourned" | "cancelled";
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsOpen: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "unconvenedReason": "string"
                 *     }
                 */
                "application/json": {
                    /** @description Why the sitting opens although a member is not convened (where the rules allow it): the minutes print it */
                    unconvenedReason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "phase": "draft"
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        phase: "draft" | "convened" | "open" | "deliberating" | "closed" | "minutes_drafted" | "signed" | "notified" | "completed" | "adjourned" | "cancelled";
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsClose: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "phase": "draft"
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        phase: "draft" | "convened" | "open" | "deliberating" | "closed" | "minutes_drafted" | "signed" | "notified" | "completed" | "adjourned" | "cancelled";
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAttendance: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "memberId": "92983ab9-49c8-444b-85ae-6e40402cf72e",
                 *       "present": true
                 *     }
                 */
                "application/json": {
                    /** Format: uuid */
                    memberId: string;
                    present: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "quorum": {
                     *         "rosterSize": 0,
                     *         "present": 0,
                     *         "represented": 0,
                     *         "required": 0,
                     *         "reached": true
                     *       }
                     *     }
                     */
                    "application/json": {
                        quorum: {
                            rosterSize: number;
                            present: number;
                            represented: number;
                            required: number;
                            reached: boolean;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsParticipantsMapping: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "participantKey": "string",
                 *       "memberId": "92983ab9-49c8-444b-85ae-6e40402cf72e"
                 *     }
                 */
                "application/json": {
                    /** @description The join session as the session state lists it (Zoom's participant user id) */
                    participantKey: string;
                    /** Format: uuid */
                    memberId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "quorum": {
                     *         "rosterSize": 0,
                     *         "present": 0,
                     *         "represented": 0,
                     *         "required": 0,
                     *         "reached": true
                     *       }
                     *     }
                     */
                    "application/json": {
                        quorum: {
                            rosterSize: number;
                            present: number;
                            represented: number;
                            required: number;
                            reached: boolean;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAgendaItemsVoteOpen: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "proposal": [
                 *         {
                 *           "applicationId": "97ab27fa-30e2-43e3-92a3-160e80f4c0d5",
                 *           "type": "attribution",
                 *           "rank": 1,
                 *           "conditionDocument": "string",
                 *           "conditionDeadline": "2019-08-24",
                 *           "reasons": "string"
                 *         }
                 *       ],
                 *       "opinion": {
                 *         "situation": "over_occupation",
                 *         "suitableDwelling": "string",
                 *         "advice": "string"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description Allocation: a decision per candidate */
                    proposal?: {
                        /** Format: uuid */
                        applicationId: string;
                        /** @enum {unknown} */
                        type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                        rank?: number;
                        conditionDocument?: string;
                        /** Format: date */
                        conditionDeadline?: string;
                        reasons?: string;
                    }[];
                    opinion?: {
                        /** @enum {unknown} */
                        situation: "over_occupation" | "under_occupation" | "adapted_dwelling_not_needed" | "disability_or_loss_of_autonomy" | "income_above_ceiling";
                        suitableDwelling: string;
                        advice?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "quorum": {
                     *         "rosterSize": 0,
                     *         "present": 0,
                     *         "represented": 0,
                     *         "required": 0,
                     *         "reached": true
                     *       },
                     *       "warnings": [
                     *         "string"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        quorum: {
                            rosterSize: number;
                            present: number;
                            represented: number;
                            required: number;
                            reached: boolean;
                        };
                        warnings: string[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAgendaItemsVotes: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "choice": "for",
                 *       "memberId": "92983ab9-49c8-444b-85ae-6e40402cf72e"
                 *     }
                 */
                "application/json": {
                    /** @enum {unknown} */
                    choice: "for" | "against" | "abstain";
                    /** @description The member the vote counts for: yourself (default) or a principal whose proxy you hold */
                    memberId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "counts": {
                     *         "for": 0,
                     *         "against": 0,
                     *         "abstain": 0
                     *       }
                     *     }
                     */
                    "application/json": {
                        counts: {
                            for: number;
                            against: number;
                            abstain: number;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAgendaItemsVoteClose: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "outcome": "adopted",
                     *       "decidedBy": "string",
                     *       "counts": {
                     *         "for": 0,
                     *         "against": 0,
                     *         "abstain": 0
                     *       },
                     *       "quorum": {
                     *         "rosterSize": 0,
                     *         "present": 0,
                     *         "represented": 0,
                     *         "required": 0,
                     *         "reached": true
                     *       },
                     *       "castingVoterId": "string",
                     *       "itemStatus": "pending",
                     *       "closedAt": "2019-08-24T14:15:22Z"
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        outcome: "adopted" | "rejected" | "no_decision";
                        decidedBy: string;
                        counts: {
                            for: number;
                            against: number;
                            abstain: number;
                        };
                        quorum: {
                            rosterSize: number;
                            present: number;
                            represented: number;
                            required: number;
                            reached: boolean;
                        };
                        castingVoterId?: string;
                        /** @enum {unknown} */
                        itemStatus: "pending" | "voting" | "decided" | "deferred";
                        /** Format: date-time */
                        closedAt: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsProxies: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "principalId": "0a52818d-1e0c-4e64-848e-4d04f9e914e5",
                 *       "holderId": "76fac108-7d9e-45e5-9a3e-37a6c5b125a8"
                 *     }
                 */
                "application/json": {
                    /** Format: uuid */
                    principalId: string;
                    /** Format: uuid */
                    holderId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "proxies": {
                     *         "property1": "string",
                     *         "property2": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        proxies: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSessionsProxiesByPrincipalId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                principalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "proxies": {
                     *         "property1": "string",
                     *         "property2": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        proxies: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAgendaItemsConflicts: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "memberId": "92983ab9-49c8-444b-85ae-6e40402cf72e"
                 *     }
                 */
                "application/json": {
                    /** Format: uuid */
                    memberId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "quorum": {
                     *         "rosterSize": 0,
                     *         "present": 0,
                     *         "represented": 0,
                     *         "required": 0,
                     *         "reached": true
                     *       }
                     *     }
                     */
                    "application/json": {
                        quorum: {
                            rosterSize: number;
                            present: number;
                            represented: number;
                            required: number;
                            reached: boolean;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAgendaItemsReferral: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /** @description The reason */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "string",
                     *       "kind": "allocation",
                     *       "position": 0,
                     *       "dwellingId": "string",
                     *       "place": {
                     *         "commune": "string",
                     *         "epci": "string",
                     *         "contingent": "string"
                     *       },
                     *       "candidates": [
                     *         {
                     *           "applicationId": "string",
                     *           "rank": 0
                     *         }
                     *       ],
                     *       "exception": "string",
                     *       "status": "pending",
                     *       "conflicts": [
                     *         "string"
                     *       ],
                     *       "proposal": [
                     *         {
                     *           "applicationId": "string",
                     *           "type": "attribution",
                     *           "rank": 0,
                     *           "conditionDocument": "string",
                     *           "conditionDeadline": "string",
                     *           "reasons": "string"
                     *         }
                     *       ],
                     *       "proposedOpinion": {
                     *         "situation": "string",
                     *         "suitableDwelling": "string",
                     *         "advice": "string"
                     *       },
                     *       "votes": {
                     *         "property1": {
                     *           "choice": "for",
                     *           "castBy": "string",
                     *           "castAt": "2019-08-24T14:15:22Z"
                     *         },
                     *         "property2": {
                     *           "choice": "for",
                     *           "castBy": "string",
                     *           "castAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       },
                     *       "results": [
                     *         {
                     *           "outcome": "adopted",
                     *           "decidedBy": "string",
                     *           "counts": {
                     *             "for": 0,
                     *             "against": 0,
                     *             "abstain": 0
                     *           },
                     *           "quorum": {
                     *             "rosterSize": 0,
                     *             "present": 0,
                     *             "represented": 0,
                     *             "required": 0,
                     *             "reached": true
                     *           },
                     *           "castingVoterId": "string",
                     *           "itemStatus": "pending",
                     *           "closedAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       ],
                     *       "decisions": [
                     *         {
                     *           "applicationId": "string",
                     *           "type": "attribution",
                     *           "rank": 0,
                     *           "conditionDocument": "string",
                     *           "conditionDeadline": "string",
                     *           "reasons": "string"
                     *         }
                     *       ],
                     *       "opinion": {
                     *         "situation": "string",
                     *         "suitableDwelling": "string",
                     *         "advice": "string"
                     *       },
                     *       "deferral": {
                     *         "cause": "deferral",
                     *         "reason": "string",
                     *         "by": "string"
                     *       },
                     *       "referredFrom": {
                     *         "sessionId": "string",
                     *         "reason": "string"
                     *       },
                     *       "roster": [
                     *         "string"
                     *       ],
                     *       "participation": {
                     *         "rosterSize": 0,
                     *         "present": 0,
                     *         "represented": 0,
                     *         "required": 0,
                     *         "reached": true
                     *       },
                     *       "ballots": {
                     *         "property1": 0,
                     *         "property2": 0
                     *       },
                     *       "debate": [
                     *         {
                     *           "seq": 0,
                     *           "by": "string",
                     *           "at": "2019-08-24T14:15:22Z",
                     *           "text": "string"
                     *         }
                     *       ],
                     *       "referralRequests": [
                     *         {
                     *           "memberId": "string",
                     *           "at": "2019-08-24T14:15:22Z",
                     *           "reason": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** @enum {unknown} */
                        kind: "allocation" | "occupancy_review";
                        position: number;
                        dwellingId: string;
                        place: {
                            commune: string;
                            epci?: string;
                            contingent?: string;
                        };
                        candidates: {
                            applicationId: string;
                            rank: number;
                        }[];
                        exception?: string;
                        /** @enum {unknown} */
                        status: "pending" | "voting" | "decided" | "deferred";
                        conflicts: string[];
                        proposal?: {
                            applicationId: string;
                            /** @enum {unknown} */
                            type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                            rank?: number;
                            conditionDocument?: string;
                            conditionDeadline?: string;
                            reasons?: string;
                        }[];
                        proposedOpinion?: {
                            situation: string;
                            suitableDwelling: string;
                            advice?: string;
                        };
                        votes: {
                            [key: string]: {
                                /** @enum {unknown} */
                                choice: "for" | "against" | "abstain";
                                castBy: string;
                                /** Format: date-time */
                                castAt: string;
                            };
                        };
                        results: {
                            /** @enum {unknown} */
                            outcome: "adopted" | "rejected" | "no_decision";
                            decidedBy: string;
                            counts: {
                                for: number;
                                against: number;
                                abstain: number;
                            };
                            quorum: {
                                rosterSize: number;
                                present: number;
                                represented: number;
                                required: number;
                                reached: boolean;
                            };
                            castingVoterId?: string;
                            /** @enum {unknown} */
                            itemStatus: "pending" | "voting" | "decided" | "deferred";
                            /** Format: date-time */
                            closedAt: string;
                        }[];
                        decisions: {
                            applicationId: string;
                            /** @enum {unknown} */
                            type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                            rank?: number;
                            conditionDocument?: string;
                            conditionDeadline?: string;
                            reasons?: string;
                        }[];
                        opinion?: {
                            situation: string;
                            suitableDwelling: string;
                            advice?: string;
                        };
                        deferral?: {
                            /** @enum {unknown} */
                            cause: "deferral" | "referral" | "tie_without_mayor" | "participation_not_reached" | "proposal_rejected" | "no_proposal";
                            reason?: string;
                            by: string;
                        };
                        /** @description An item a written session referred to a live sitting: that session and the reasons given */
                        referredFrom?: {
                            sessionId: string;
                            reason: string;
                        };
                        /** @description Written sessions: the seats (titular member ids) that vote on the item */
                        roster?: string[];
                        /** @description Written sessions: the seats that voted so far (in person or by proxy) against the share the rules require */
                        participation?: {
                            rosterSize: number;
                            present: number;
                            represented: number;
                            required: number;
                            reached: boolean;
                        };
                        /** @description Written sessions: ballots cast per seat, changes included */
                        ballots?: {
                            [key: string]: number;
                        };
                        /** @description Written sessions: the debate on the item, in order */
                        debate?: {
                            seq: number;
                            /** @description A member id, or staff:<subject> */
                            by: string;
                            /** Format: date-time */
                            at: string;
                            text: string;
                        }[];
                        /** @description Written sessions: requests to refer the item to a live sitting */
                        referralRequests?: {
                            memberId: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAgendaItemsDeferral: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /** @description The reason */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "string",
                     *       "kind": "allocation",
                     *       "position": 0,
                     *       "dwellingId": "string",
                     *       "place": {
                     *         "commune": "string",
                     *         "epci": "string",
                     *         "contingent": "string"
                     *       },
                     *       "candidates": [
                     *         {
                     *           "applicationId": "string",
                     *           "rank": 0
                     *         }
                     *       ],
                     *       "exception": "string",
                     *       "status": "pending",
                     *       "conflicts": [
                     *         "string"
                     *       ],
                     *       "proposal": [
                     *         {
                     *           "applicationId": "string",
                     *           "type": "attribution",
                     *           "rank": 0,
                     *           "conditionDocument": "string",
                     *           "conditionDeadline": "string",
                     *           "reasons": "string"
                     *         }
                     *       ],
                     *       "proposedOpinion": {
                     *         "situation": "string",
                     *         "suitableDwelling": "string",
                     *         "advice": "string"
                     *       },
                     *       "votes": {
                     *         "property1": {
                     *           "choice": "for",
                     *           "castBy": "string",
                     *           "castAt": "2019-08-24T14:15:22Z"
                     *         },
                     *         "property2": {
                     *           "choice": "for",
                     *           "castBy": "string",
                     *           "castAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       },
                     *       "results": [
                     *         {
                     *           "outcome": "adopted",
                     *           "decidedBy": "string",
                     *           "counts": {
                     *             "for": 0,
                     *             "against": 0,
                     *             "abstain": 0
                     *           },
                     *           "quorum": {
                     *             "rosterSize": 0,
                     *             "present": 0,
                     *             "represented": 0,
                     *             "required": 0,
                     *             "reached": true
                     *           },
                     *           "castingVoterId": "string",
                     *           "itemStatus": "pending",
                     *           "closedAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       ],
                     *       "decisions": [
                     *         {
                     *           "applicationId": "string",
                     *           "type": "attribution",
                     *           "rank": 0,
                     *           "conditionDocument": "string",
                     *           "conditionDeadline": "string",
                     *           "reasons": "string"
                     *         }
                     *       ],
                     *       "opinion": {
                     *         "situation": "string",
                     *         "suitableDwelling": "string",
                     *         "advice": "string"
                     *       },
                     *       "deferral": {
                     *         "cause": "deferral",
                     *         "reason": "string",
                     *         "by": "string"
                     *       },
                     *       "referredFrom": {
                     *         "sessionId": "string",
                     *         "reason": "string"
                     *       },
                     *       "roster": [
                     *         "string"
                     *       ],
                     *       "participation": {
                     *         "rosterSize": 0,
                     *         "present": 0,
                     *         "represented": 0,
                     *         "required": 0,
                     *         "reached": true
                     *       },
                     *       "ballots": {
                     *         "property1": 0,
                     *         "property2": 0
                     *       },
                     *       "debate": [
                     *         {
                     *           "seq": 0,
                     *           "by": "string",
                     *           "at": "2019-08-24T14:15:22Z",
                     *           "text": "string"
                     *         }
                     *       ],
                     *       "referralRequests": [
                     *         {
                     *           "memberId": "string",
                     *           "at": "2019-08-24T14:15:22Z",
                     *           "reason": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** @enum {unknown} */
                        kind: "allocation" | "occupancy_review";
                        position: number;
                        dwellingId: string;
                        place: {
                            commune: string;
                            epci?: string;
                            contingent?: string;
                        };
                        candidates: {
                            applicationId: string;
                            rank: number;
                        }[];
                        exception?: string;
                        /** @enum {unknown} */
                        status: "pending" | "voting" | "decided" | "deferred";
                        conflicts: string[];
                        proposal?: {
                            applicationId: string;
                            /** @enum {unknown} */
                            type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                            rank?: number;
                            conditionDocument?: string;
                            conditionDeadline?: string;
                            reasons?: string;
                        }[];
                        proposedOpinion?: {
                            situation: string;
                            suitableDwelling: string;
                            advice?: string;
                        };
                        votes: {
                            [key: string]: {
                                /** @enum {unknown} */
                                choice: "for" | "against" | "abstain";
                                castBy: string;
                                /** Format: date-time */
                                castAt: string;
                            };
                        };
                        results: {
                            /** @enum {unknown} */
                            outcome: "adopted" | "rejected" | "no_decision";
                            decidedBy: string;
                            counts: {
                                for: number;
                                against: number;
                                abstain: number;
                            };
                            quorum: {
                                rosterSize: number;
                                present: number;
                                represented: number;
                                required: number;
                                reached: boolean;
                            };
                            castingVoterId?: string;
                            /** @enum {unknown} */
                            itemStatus: "pending" | "voting" | "decided" | "deferred";
                            /** Format: date-time */
                            closedAt: string;
                        }[];
                        decisions: {
                            applicationId: string;
                            /** @enum {unknown} */
                            type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                            rank?: number;
                            conditionDocument?: string;
                            conditionDeadline?: string;
                            reasons?: string;
                        }[];
                        opinion?: {
                            situation: string;
                            suitableDwelling: string;
                            advice?: string;
                        };
                        deferral?: {
                            /** @enum {unknown} */
                            cause: "deferral" | "referral" | "tie_without_mayor" | "participation_not_reached" | "proposal_rejected" | "no_proposal";
                            reason?: string;
                            by: string;
                        };
                        /** @description An item a written session referred to a live sitting: that session and the reasons given */
                        referredFrom?: {
                            sessionId: string;
                            reason: string;
                        };
                        /** @description Written sessions: the seats (titular member ids) that vote on the item */
                        roster?: string[];
                        /** @description Written sessions: the seats that voted so far (in person or by proxy) against the share the rules require */
                        participation?: {
                            rosterSize: number;
                            present: number;
                            represented: number;
                            required: number;
                            reached: boolean;
                        };
                        /** @description Written sessions: ballots cast per seat, changes included */
                        ballots?: {
                            [key: string]: number;
                        };
                        /** @description Written sessions: the debate on the item, in order */
                        debate?: {
                            seq: number;
                            /** @description A member id, or staff:<subject> */
                            by: string;
                            /** Format: date-time */
                            at: string;
                            text: string;
                        }[];
                        /** @description Written sessions: requests to refer the item to a live sitting */
                        referralRequests?: {
                            memberId: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsAgendaItemsMessages: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "text": "string"
                 *     }
                 */
                "application/json": {
                    /** @description The message, kept and printed in the minutes */
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "seq": 0,
                     *       "by": "string",
                     *       "at": "2019-08-24T14:15:22Z",
                     *       "text": "string"
                     *     }
                     */
                    "application/json": {
                        seq: number;
                        /** @description A member id, or staff:<subject> */
                        by: string;
                        /** Format: date-time */
                        at: string;
                        text: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsWindowExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "closesAt": "2019-08-24T14:15:22Z",
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description The new close, later than the current one by at most the rules' `extensionMaxHours`
                     */
                    closesAt: string;
                    /** @description Why the window is extended */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description A written session's window */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "opensAt": "2019-08-24T14:15:22Z",
                     *       "closesAt": "2019-08-24T14:15:22Z",
                     *       "openedAt": "2019-08-24T14:15:22Z",
                     *       "closedAt": "2019-08-24T14:15:22Z",
                     *       "early": true,
                     *       "extension": {
                     *         "from": "2019-08-24T14:15:22Z",
                     *         "to": "2019-08-24T14:15:22Z",
                     *         "reason": "string",
                     *         "by": "string",
                     *         "at": "2019-08-24T14:15:22Z"
                     *       },
                     *       "reminders": [
                     *         {
                     *           "hoursBefore": 0,
                     *           "closesAt": "2019-08-24T14:15:22Z",
                     *           "at": "2019-08-24T14:15:22Z",
                     *           "memberIds": [
                     *             "string"
                     *           ],
                     *           "emailed": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        opensAt: string;
                        /** Format: date-time */
                        closesAt: string;
                        /** Format: date-time */
                        openedAt?: string;
                        /** Format: date-time */
                        closedAt?: string;
                        early?: boolean;
                        extension?: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            reason: string;
                            by: string;
                            /** Format: date-time */
                            at: string;
                        };
                        reminders: {
                            hoursBefore: number;
                            /** Format: date-time */
                            closesAt: string;
                            /** Format: date-time */
                            at: string;
                            memberIds: string[];
                            emailed: number;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsMinutes: {
        parameters: {
            query?: {
                /** @description A version of the minutes; the latest by default */
                version?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *       "version": 0,
                     *       "status": "drafted",
                     *       "sha256": "string",
                     *       "pdfSha256": "string",
                     *       "document": {
                     *         "property1": null,
                     *         "property2": null
                     *       },
                     *       "signatures": [
                     *         {
                     *           "signer": "string",
                     *           "role": "string",
                     *           "sha256": "string",
                     *           "signedAt": "2019-08-24T14:15:22Z",
                     *           "signature": "string",
                     *           "keyFingerprint": "string",
                     *           "pdfSha256": "string",
                     *           "signerName": "string",
                     *           "certificateSha256": "string",
                     *           "timestampedAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       ],
                     *       "signedPdfSha256": "string"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        sessionId: string;
                        version: number;
                        /** @enum {unknown} */
                        status: "drafted" | "signed" | "superseded";
                        sha256: string;
                        /** @description SHA-256 of the PDF rendering */
                        pdfSha256?: string;
                        document: {
                            [key: string]: unknown;
                        };
                        signatures: {
                            signer: string;
                            role: string;
                            sha256: string;
                            /** Format: date-time */
                            signedAt: string;
                            signature?: string;
                            keyFingerprint?: string;
                            pdfSha256?: string;
                            signerName?: string;
                            certificateSha256?: string;
                            /** Format: date-time */
                            timestampedAt?: string;
                        }[];
                        /** @description SHA-256 of the PDF with the signatures so far (Accept: application/pdf gives it) */
                        signedPdfSha256?: string;
                    };
                    "application/pdf": string;
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsMinutesSignatures: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sha256": "9f2c4b1e8a7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b",
                 *       "signature": "Q2FsZW9sTWludXRlc1NpZ25hdHVyZUV4YW1wbGUwQ2FsZW9sTWludXRlc1NpZ25hdHVyZUV4YW1wbGUwAbCdEf==",
                 *       "as": "chair"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description The hash of the minutes version being signed
                     * @example 9f2c4b1e8a7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b
                     */
                    sha256: string;
                    /**
                     * @description Optional second seal: the base64 Ed25519 signature of "caleol-minutes:v1:<sha256>" with the signer's registered key (npx tsx bin/sign-minutes.ts). The PDF signature is made by the server either way.
                     * @example Q2FsZW9sTWludXRlc1NpZ25hdHVyZUV4YW1wbGUwQ2FsZW9sTWludXRlc1NpZ25hdHVyZUV4YW1wbGUwAbCdEf==
                     */
                    signature?: string;
                    /** @enum {unknown} */
                    as?: "chair" | "secretary";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "phase": "draft"
                     *     }
                     */
                    "application/json": {
                        /** @enum {unknown} */
                        phase: "draft" | "convened" | "open" | "deliberating" | "closed" | "minutes_drafted" | "signed" | "notified" | "completed" | "adjourned" | "cancelled";
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsMinutesAmendments: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "string",
                 *       "text": "string"
                 *     }
                 */
                "application/json": {
                    reason: string;
                    /** @description The correction, as the new version of the minutes records it */
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *       "version": 0,
                     *       "status": "drafted",
                     *       "sha256": "string",
                     *       "pdfSha256": "string",
                     *       "document": {
                     *         "property1": null,
                     *         "property2": null
                     *       },
                     *       "signatures": [
                     *         {
                     *           "signer": "string",
                     *           "role": "string",
                     *           "sha256": "string",
                     *           "signedAt": "2019-08-24T14:15:22Z",
                     *           "signature": "string",
                     *           "keyFingerprint": "string",
                     *           "pdfSha256": "string",
                     *           "signerName": "string",
                     *           "certificateSha256": "string",
                     *           "timestampedAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       ],
                     *       "signedPdfSha256": "string"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        sessionId: string;
                        version: number;
                        /** @enum {unknown} */
                        status: "drafted" | "signed" | "superseded";
                        sha256: string;
                        /** @description SHA-256 of the PDF rendering */
                        pdfSha256?: string;
                        document: {
                            [key: string]: unknown;
                        };
                        signatures: {
                            signer: string;
                            role: string;
                            sha256: string;
                            /** Format: date-time */
                            signedAt: string;
                            signature?: string;
                            keyFingerprint?: string;
                            pdfSha256?: string;
                            signerName?: string;
                            certificateSha256?: string;
                            /** Format: date-time */
                            timestampedAt?: string;
                        }[];
                        /** @description SHA-256 of the PDF with the signatures so far (Accept: application/pdf gives it) */
                        signedPdfSha256?: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsMinutesVerification: {
        parameters: {
            query?: {
                /** @description A version of the minutes; the latest by default */
                version?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *       "version": 0,
                     *       "status": "drafted",
                     *       "sha256": "string",
                     *       "ok": true,
                     *       "problems": [
                     *         "string"
                     *       ],
                     *       "notes": [
                     *         "string"
                     *       ],
                     *       "trailCheckpoint": {
                     *         "seq": 0,
                     *         "hash": "string",
                     *         "signedAt": "2019-08-24T14:15:22Z",
                     *         "keyId": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        sessionId: string;
                        version: number;
                        /** @enum {unknown} */
                        status: "drafted" | "signed" | "superseded";
                        sha256: string;
                        /** @description The JSON, its hash, the PDF and every signature check out, and every signer the rules name has signed */
                        ok: boolean;
                        problems: string[];
                        /** @description What could not be checked, and why (a PDF an earlier renderer made is checked by its recorded hash only) */
                        notes?: string[];
                        /** @description The audit chain's head as signed once the last signature of this version was recorded: the trail up to it cannot be rewritten unseen */
                        trailCheckpoint?: {
                            seq: number;
                            hash: string;
                            /** Format: date-time */
                            signedAt: string;
                            keyId: string;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsMinutesExtractsByCandidateId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                candidateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "property1": null,
                     *       "property2": null
                     *     }
                     */
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "application/pdf": string;
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "notifications": [
                     *         {
                     *           "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *           "kind": "decision_letter",
                     *           "agendaItemId": "fcf10a3e-86ff-4f0b-b3a1-6fe18cf934be",
                     *           "applicationId": "97ab27fa-30e2-43e3-92a3-160e80f4c0d5",
                     *           "channel": "email",
                     *           "recipient": "string",
                     *           "documentSha256": "string",
                     *           "createdAt": "2019-08-24T14:15:22Z",
                     *           "sentAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        notifications: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "decision_letter" | "offer_letter" | "minutes_to_prefect" | "signature_reminder" | "signature_escalation";
                            /** Format: uuid */
                            agendaItemId?: string;
                            /** Format: uuid */
                            applicationId?: string;
                            /** @enum {unknown} */
                            channel: "email" | "post";
                            recipient?: string;
                            documentSha256?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            sentAt?: string;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsNotificationsDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommitteesSignerKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *           "fingerprint": "string",
                     *           "signer": "string",
                     *           "role": "chair",
                     *           "publicKeyPem": "string",
                     *           "registeredAt": "2019-08-24T14:15:22Z",
                     *           "revokedAt": "2019-08-24T14:15:22Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        keys: {
                            /** Format: uuid */
                            committeeId: string;
                            /** @description SHA-256 of the key's DER (SPKI) */
                            fingerprint: string;
                            /** @description The chair's member id, or staff:<subject> for the secretary */
                            signer: string;
                            /** @enum {unknown} */
                            role: "chair" | "secretary";
                            publicKeyPem: string;
                            /** Format: date-time */
                            registeredAt: string;
                            /** Format: date-time */
                            revokedAt?: string;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCommitteesSignerKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "publicKeyPem": "string",
                 *       "as": "chair"
                 *     }
                 */
                "application/json": {
                    /** @description The signer's Ed25519 public key, SPKI PEM (npx tsx bin/sign-minutes.ts --generate-key) */
                    publicKeyPem: string;
                    /** @enum {unknown} */
                    as?: "chair" | "secretary";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *       "fingerprint": "string",
                     *       "signer": "string",
                     *       "role": "chair",
                     *       "publicKeyPem": "string",
                     *       "registeredAt": "2019-08-24T14:15:22Z",
                     *       "revokedAt": "2019-08-24T14:15:22Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        committeeId: string;
                        /** @description SHA-256 of the key's DER (SPKI) */
                        fingerprint: string;
                        /** @description The chair's member id, or staff:<subject> for the secretary */
                        signer: string;
                        /** @enum {unknown} */
                        role: "chair" | "secretary";
                        publicKeyPem: string;
                        /** Format: date-time */
                        registeredAt: string;
                        /** Format: date-time */
                        revokedAt?: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *       "fingerprint": "string",
                     *       "signer": "string",
                     *       "role": "chair",
                     *       "publicKeyPem": "string",
                     *       "registeredAt": "2019-08-24T14:15:22Z",
                     *       "revokedAt": "2019-08-24T14:15:22Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        committeeId: string;
                        /** @description SHA-256 of the key's DER (SPKI) */
                        fingerprint: string;
                        /** @description The chair's member id, or staff:<subject> for the secretary */
                        signer: string;
                        /** @enum {unknown} */
                        role: "chair" | "secretary";
                        publicKeyPem: string;
                        /** Format: date-time */
                        registeredAt: string;
                        /** Format: date-time */
                        revokedAt?: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCommitteesSignerKeysByFingerprint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                fingerprint: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *       "fingerprint": "string",
                     *       "signer": "string",
                     *       "role": "chair",
                     *       "publicKeyPem": "string",
                     *       "registeredAt": "2019-08-24T14:15:22Z",
                     *       "revokedAt": "2019-08-24T14:15:22Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        committeeId: string;
                        /** @description SHA-256 of the key's DER (SPKI) */
                        fingerprint: string;
                        /** @description The chair's member id, or staff:<subject> for the secretary */
                        signer: string;
                        /** @enum {unknown} */
                        role: "chair" | "secretary";
                        publicKeyPem: string;
                        /** Format: date-time */
                        registeredAt: string;
                        /** Format: date-time */
                        revokedAt?: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCommitteesAgendaItems: {
        parameters: {
            query?: {
                /** @description The landlord's reference of the dwelling (exact, case ignored) */
                dwellingReference?: string;
                /** @description The application's national registration number (exact, case ignored) */
                applicationNumber?: string;
                /** @description At most this many items, 1 to 200 (default 50) */
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *           "scheduledStart": "2019-08-24T14:15:22Z",
                     *           "phase": "draft",
                     *           "agendaItemId": "fcf10a3e-86ff-4f0b-b3a1-6fe18cf934be",
                     *           "position": 0,
                     *           "dwellingReference": "string",
                     *           "commune": "string",
                     *           "status": "pending",
                     *           "candidates": [
                     *             {
                     *               "applicationNumber": "string",
                     *               "rank": 0,
                     *               "decision": {
                     *                 "type": "attribution",
                     *                 "rank": 0,
                     *                 "decidedAt": "2019-08-24T14:15:22Z"
                     *               }
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            sessionId: string;
                            /** Format: date-time */
                            scheduledStart: string;
                            /** @enum {unknown} */
                            phase: "draft" | "convened" | "open" | "deliberating" | "closed" | "minutes_drafted" | "signed" | "notified" | "completed" | "adjourned" | "cancelled";
                            /** Format: uuid */
                            agendaItemId: string;
                            position: number;
                            dwellingReference: string;
                            commune: string;
                            /** @enum {unknown} */
                            status: "pending" | "decided" | "deferred" | "referred" | "removed";
                            candidates: {
                                applicationNumber: string;
                                rank: number;
                                decision?: {
                                    /** @enum {unknown} */
                                    type: "attribution" | "ranked_attribution" | "conditional_attribution" | "non_attribution" | "rejection" | "deferred";
                                    rank?: number;
                                    /** Format: date-time */
                                    decidedAt: string;
                                };
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *       "entries": [
                     *         {
                     *           "seq": 0,
                     *           "at": "2019-08-24T14:15:22Z",
                     *           "type": "string",
                     *           "actor": "string",
                     *           "summary": "string",
                     *           "details": {
                     *             "property1": null,
                     *             "property2": null
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        sessionId: string;
                        entries: {
                            seq: number | null;
                            /** Format: date-time */
                            at: string;
                            type: string;
                            actor: string;
                            summary: string;
                            details: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionsReplay: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *       "workflowId": "string",
                     *       "ok": true,
                     *       "history": {
                     *         "source": "live",
                     *         "runs": 0,
                     *         "events": 0
                     *       },
                     *       "replay": {
                     *         "ok": true,
                     *         "error": {
                     *           "name": "string",
                     *           "message": "string"
                     *         }
                     *       },
                     *       "rulesVersion": 0,
                     *       "trail": {
                     *         "recorded": 0,
                     *         "stored": 0,
                     *         "problems": [
                     *           "string"
                     *         ]
                     *       },
                     *       "votes": [
                     *         {
                     *           "itemId": "string",
                     *           "closedAt": "string",
                     *           "votes": 0,
                     *           "recorded": {
                     *             "outcome": "string",
                     *             "decidedBy": "string",
                     *             "counts": {
                     *               "property1": 0,
                     *               "property2": 0
                     *             }
                     *           },
                     *           "recomputed": {
                     *             "outcome": "string",
                     *             "decidedBy": "string",
                     *             "counts": {
                     *               "property1": 0,
                     *               "property2": 0
                     *             }
                     *           },
                     *           "tallyMatches": true,
                     *           "decisionsMatch": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        sessionId: string;
                        workflowId: string;
                        /** @description The history replays with the current code, every recomputed tally and decision matches the record, and the trail holds the steps the history recorded */
                        ok: boolean;
                        history: {
                            /** @enum {unknown} */
                            source: "live" | "archived";
                            /** @description Runs of the workflow: a session continues as new when its history grows long */
                            runs: number;
                            events: number;
                        };
                        replay: {
                            ok: boolean;
                            error?: {
                                name: string;
                                message: string;
                            };
                        };
                        rulesVersion: number;
                        trail: {
                            /** @description Steps the workflow recorded in its history */
                            recorded: number;
                            /** @description Steps of the session in the audit trail */
                            stored: number;
                            /** @description Steps deleted from, changed in or inserted into the trail, by the archived or live history */
                            problems: string[];
                        };
                        votes: {
                            itemId: string;
                            closedAt: string;
                            votes: number;
                            recorded: {
                                outcome: string;
                                decidedBy: string;
                                counts: {
                                    [key: string]: number;
                                };
                            };
                            recomputed: {
                                outcome: string;
                                decidedBy: string;
                                counts: {
                                    [key: string]: number;
                                };
                            };
                            tallyMatches: boolean;
                            decisionsMatch?: boolean;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "property1": null,
                     *       "property2": null
                     *     }
                     */
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditVerify: {
        parameters: {
            query?: {
                committeeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true,
                     *       "committees": [
                     *         {
                     *           "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *           "ok": true,
                     *           "events": 0,
                     *           "unchained": 0,
                     *           "checkpoints": 0,
                     *           "lastCheckpointSeq": 0,
                     *           "problems": [
                     *             {
                     *               "at": "string",
                     *               "message": "string"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        ok: boolean;
                        committees: {
                            /** Format: uuid */
                            committeeId: string;
                            ok: boolean;
                            /** @description Events in the chain */
                            events: number;
                            /** @description Events written before the chain existed */
                            unchained: number;
                            /** @description Signed checkpoints of the chain head checked against the chain */
                            checkpoints: number;
                            /** @description The seq the last checkpoint vouches for: events after it are vouched for by the chain alone */
                            lastCheckpointSeq?: number;
                            problems: {
                                /** @description The event row id, or the missing seq */
                                at: string;
                                message: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSessionsOffers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "offers": [
                     *         {
                     *           "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *           "workflowId": "string",
                     *           "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *           "agendaItemId": "fcf10a3e-86ff-4f0b-b3a1-6fe18cf934be",
                     *           "applicationId": "97ab27fa-30e2-43e3-92a3-160e80f4c0d5",
                     *           "rank": 0,
                     *           "offeredAt": "2019-08-24T14:15:22Z",
                     *           "deadline": "2019-08-24T14:15:22Z",
                     *           "status": "offered",
                     *           "answeredAt": "2019-08-24T14:15:22Z",
                     *           "reason": "string",
                     *           "outcome": "offering"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        offers: {
                            /** Format: uuid */
                            id: string;
                            workflowId: string;
                            /** Format: uuid */
                            sessionId: string;
                            /** Format: uuid */
                            agendaItemId: string;
                            /** Format: uuid */
                            applicationId: string;
                            rank: number;
                            /** Format: date-time */
                            offeredAt: string;
                            /**
                             * Format: date-time
                             * @description The instant the offer expires: 24:00 of the last day to answer (CCH R441-10)
                             */
                            deadline: string;
                            /** @enum {unknown} */
                            status: "offered" | "accepted" | "declined" | "expired";
                            /** Format: date-time */
                            answeredAt?: string;
                            reason?: string;
                            /** @description Where the dwelling's offers stand: offering, accepted, or no one left (a future agenda) */
                            outcome?: "offering" | "accepted" | "no_one_left";
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOffersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "workflowId": "string",
                     *       "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *       "agendaItemId": "fcf10a3e-86ff-4f0b-b3a1-6fe18cf934be",
                     *       "applicationId": "97ab27fa-30e2-43e3-92a3-160e80f4c0d5",
                     *       "rank": 0,
                     *       "offeredAt": "2019-08-24T14:15:22Z",
                     *       "deadline": "2019-08-24T14:15:22Z",
                     *       "status": "offered",
                     *       "answeredAt": "2019-08-24T14:15:22Z",
                     *       "reason": "string",
                     *       "outcome": "offering"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        workflowId: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** Format: uuid */
                        agendaItemId: string;
                        /** Format: uuid */
                        applicationId: string;
                        rank: number;
                        /** Format: date-time */
                        offeredAt: string;
                        /**
                         * Format: date-time
                         * @description The instant the offer expires: 24:00 of the last day to answer (CCH R441-10)
                         */
                        deadline: string;
                        /** @enum {unknown} */
                        status: "offered" | "accepted" | "declined" | "expired";
                        /** Format: date-time */
                        answeredAt?: string;
                        reason?: string;
                        /** @description Where the dwelling's offers stand: offering, accepted, or no one left (a future agenda) */
                        outcome?: "offering" | "accepted" | "no_one_left";
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOffersAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /** @description What the applicant said, if anything */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "workflowId": "string",
                     *       "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *       "agendaItemId": "fcf10a3e-86ff-4f0b-b3a1-6fe18cf934be",
                     *       "applicationId": "97ab27fa-30e2-43e3-92a3-160e80f4c0d5",
                     *       "rank": 0,
                     *       "offeredAt": "2019-08-24T14:15:22Z",
                     *       "deadline": "2019-08-24T14:15:22Z",
                     *       "status": "offered",
                     *       "answeredAt": "2019-08-24T14:15:22Z",
                     *       "reason": "string",
                     *       "outcome": "offering"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        workflowId: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** Format: uuid */
                        agendaItemId: string;
                        /** Format: uuid */
                        applicationId: string;
                        rank: number;
                        /** Format: date-time */
                        offeredAt: string;
                        /**
                         * Format: date-time
                         * @description The instant the offer expires: 24:00 of the last day to answer (CCH R441-10)
                         */
                        deadline: string;
                        /** @enum {unknown} */
                        status: "offered" | "accepted" | "declined" | "expired";
                        /** Format: date-time */
                        answeredAt?: string;
                        reason?: string;
                        /** @description Where the dwelling's offers stand: offering, accepted, or no one left (a future agenda) */
                        outcome?: "offering" | "accepted" | "no_one_left";
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOffersDecline: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /** @description What the applicant said, if anything */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "workflowId": "string",
                     *       "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *       "agendaItemId": "fcf10a3e-86ff-4f0b-b3a1-6fe18cf934be",
                     *       "applicationId": "97ab27fa-30e2-43e3-92a3-160e80f4c0d5",
                     *       "rank": 0,
                     *       "offeredAt": "2019-08-24T14:15:22Z",
                     *       "deadline": "2019-08-24T14:15:22Z",
                     *       "status": "offered",
                     *       "answeredAt": "2019-08-24T14:15:22Z",
                     *       "reason": "string",
                     *       "outcome": "offering"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        workflowId: string;
                        /** Format: uuid */
                        sessionId: string;
                        /** Format: uuid */
                        agendaItemId: string;
                        /** Format: uuid */
                        applicationId: string;
                        rank: number;
                        /** Format: date-time */
                        offeredAt: string;
                        /**
                         * Format: date-time
                         * @description The instant the offer expires: 24:00 of the last day to answer (CCH R441-10)
                         */
                        deadline: string;
                        /** @enum {unknown} */
                        status: "offered" | "accepted" | "declined" | "expired";
                        /** Format: date-time */
                        answeredAt?: string;
                        reason?: string;
                        /** @description Where the dwelling's offers stand: offering, accepted, or no one left (a future agenda) */
                        outcome?: "offering" | "accepted" | "no_one_left";
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpsHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "at": "2019-08-24T14:15:22Z",
                     *       "database": "string",
                     *       "temporal": "string",
                     *       "namespace": "string",
                     *       "taskQueue": {
                     *         "name": "string",
                     *         "workflowPollers": [
                     *           {
                     *             "identity": "string",
                     *             "lastAccessTime": "2019-08-24T14:15:22Z"
                     *           }
                     *         ],
                     *         "activityPollers": [
                     *           {
                     *             "identity": "string",
                     *             "lastAccessTime": "2019-08-24T14:15:22Z"
                     *           }
                     *         ]
                     *       },
                     *       "temporalUiUrl": "http://example.com"
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        /** @description up, or down with the reason */
                        database: string;
                        /** @description up, or down with the reason */
                        temporal: string;
                        namespace: string;
                        /** @description The workers polling the sessions' task queue (none: no worker is running) */
                        taskQueue: {
                            name: string;
                            workflowPollers: {
                                identity: string;
                                lastAccessTime: string | null;
                            }[];
                            activityPollers: {
                                identity: string;
                                lastAccessTime: string | null;
                            }[];
                        };
                        /** Format: uri */
                        temporalUiUrl?: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpsTokenRevocations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *         "tokenId": "string",
                     *         "subject": "string",
                     *         "issuedBefore": "2019-08-24T14:15:22Z",
                     *         "reason": "string",
                     *         "revokedBy": "string",
                     *         "revokedAt": "2019-08-24T14:15:22Z",
                     *         "forgetAfter": "2019-08-24T14:15:22Z"
                     *       }
                     *     ]
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        tokenId: string | null;
                        subject: string | null;
                        issuedBefore: string | null;
                        reason: string;
                        revokedBy: string;
                        /** Format: date-time */
                        revokedAt: string;
                        /**
                         * Format: date-time
                         * @description When every token it names has expired anyway
                         */
                        forgetAfter: string;
                    }[];
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOpsTokenRevocations: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "tokenId": "string",
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /** @description The token's jti */
                    tokenId: string;
                    reason: string;
                } | {
                    /** @description Every token of this subject… */
                    subject: string;
                    /**
                     * Format: date-time
                     * @description …issued before this time (default: now)
                     */
                    issuedBefore?: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "497f6eca-6276-4993-bfeb-53cbbbba6f08",
                     *       "tokenId": "string",
                     *       "subject": "string",
                     *       "issuedBefore": "2019-08-24T14:15:22Z",
                     *       "reason": "string",
                     *       "revokedBy": "string",
                     *       "revokedAt": "2019-08-24T14:15:22Z",
                     *       "forgetAfter": "2019-08-24T14:15:22Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        tokenId: string | null;
                        subject: string | null;
                        issuedBefore: string | null;
                        reason: string;
                        revokedBy: string;
                        /** Format: date-time */
                        revokedAt: string;
                        /**
                         * Format: date-time
                         * @description When every token it names has expired anyway
                         */
                        forgetAfter: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpsWorkflows: {
        parameters: {
            query?: {
                /** @description session or offer workflows (default: both) */
                type?: "session" | "offer";
                /** @description Session phase (CaleolSessionPhase); sessions only */
                phase?: "draft" | "convened" | "open" | "deliberating" | "closed" | "minutes_drafted" | "signed" | "notified" | "completed" | "adjourned" | "cancelled";
                committeeId?: string;
                /** @description Only workflows of this task queue */
                taskQueue?: string;
                /** @description Sessions whose last progress (CaleolLastProgressAt, set at each phase change) is older than this; offers, which have no progress attribute, by StartTime */
                olderThanHours?: string;
                /** @description running (default) or all, closed ones included */
                status?: "running" | "all";
                /** @description Page size, 1 to 500 (default 100) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workflows": [
                     *         {
                     *           "workflowId": "string",
                     *           "runId": "string",
                     *           "type": "session",
                     *           "workflowType": "string",
                     *           "status": "string",
                     *           "taskQueue": "string",
                     *           "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *           "phase": "string",
                     *           "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *           "scheduledStart": "2019-08-24T14:15:22Z",
                     *           "lastProgressAt": "2019-08-24T14:15:22Z",
                     *           "startTime": "2019-08-24T14:15:22Z",
                     *           "closeTime": "2019-08-24T14:15:22Z"
                     *         }
                     *       ],
                     *       "truncated": true,
                     *       "counts": {
                     *         "sessionsByPhase": {
                     *           "property1": 0,
                     *           "property2": 0
                     *         },
                     *         "runningSessions": 0,
                     *         "runningOffers": 0
                     *       },
                     *       "queries": {
                     *         "session": "string",
                     *         "offer": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        workflows: {
                            workflowId: string;
                            runId: string;
                            /**
                             * @description session or offer workflows (default: both)
                             * @enum {unknown}
                             */
                            type: "session" | "offer";
                            workflowType: string;
                            /** @description RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, … */
                            status: string;
                            taskQueue: string;
                            sessionId: string | null;
                            phase: string | null;
                            committeeId: string | null;
                            scheduledStart: string | null;
                            lastProgressAt: string | null;
                            /** Format: date-time */
                            startTime: string;
                            closeTime: string | null;
                        }[];
                        /** @description More workflows matched than the page holds */
                        truncated: boolean;
                        counts: {
                            /** @description Running sessions per phase (phases with none are left out), in the committee / task queue scope */
                            sessionsByPhase: {
                                [key: string]: number;
                            };
                            runningSessions: number;
                            runningOffers: number;
                        };
                        /** @description The visibility queries used */
                        queries: {
                            session?: string;
                            offer?: string;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpsStuck: {
        parameters: {
            query?: {
                /** @description session or offer workflows (default: both) */
                type?: "session" | "offer";
                committeeId?: string;
                /** @description Only workflows of this task queue */
                taskQueue?: string;
                /** @description Running workflows examined per type, 1 to 500 (default 200) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "at": "2019-08-24T14:15:22Z",
                     *       "stuck": [
                     *         {
                     *           "workflowId": "string",
                     *           "runId": "string",
                     *           "type": "session",
                     *           "sessionId": "f6567dd8-e069-418e-8893-7d22fcf12459",
                     *           "committeeId": "0b28d368-eb1b-4828-9089-e563003b59c0",
                     *           "phase": "string",
                     *           "kind": "workflow_task_failing",
                     *           "severity": "critical",
                     *           "since": "2019-08-24T14:15:22Z",
                     *           "detail": "string",
                     *           "suggestedAction": {
                     *             "action": "retry",
                     *             "text": "string"
                     *           },
                     *           "activity": {
                     *             "activityId": "string",
                     *             "activityType": "string",
                     *             "attempt": 0,
                     *             "maximumAttempts": 0,
                     *             "lastFailure": "string",
                     *             "nextAttemptAt": "2019-08-24T14:15:22Z"
                     *           },
                     *           "workflowTaskAttempt": 0,
                     *           "temporalUiUrl": "http://example.com"
                     *         }
                     *       ],
                     *       "examined": 0,
                     *       "truncated": true
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        /** @description By severity (workflow task failing, activity retrying, no progress, waiting on people), then oldest first */
                        stuck: {
                            workflowId: string;
                            runId: string;
                            /**
                             * @description session or offer workflows (default: both)
                             * @enum {unknown}
                             */
                            type: "session" | "offer";
                            sessionId: string | null;
                            committeeId: string | null;
                            phase: string | null;
                            /** @enum {unknown} */
                            kind: "workflow_task_failing" | "activity_retrying" | "no_progress" | "waiting_on_people";
                            /** @enum {unknown} */
                            severity: "critical" | "high" | "medium" | "low";
                            /** Format: date-time */
                            since: string;
                            detail: string;
                            suggestedAction: {
                                action: ("retry" | "cancel" | "terminate" | "reset") | null;
                                text: string;
                            };
                            activity?: {
                                activityId: string;
                                activityType: string;
                                attempt: number;
                                /** @description 0: unlimited */
                                maximumAttempts: number;
                                lastFailure: string | null;
                                nextAttemptAt: string | null;
                            };
                            workflowTaskAttempt?: number;
                            /**
                             * Format: uri
                             * @description The workflow's run in the Temporal UI, when the deployment names its address
                             */
                            temporalUiUrl?: string;
                        }[];
                        /** @description Running workflows described */
                        examined: number;
                        /** @description More running workflows than examined */
                        truncated: boolean;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postOpsWorkflowsActions: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path: {
                workflowId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "retry",
                 *       "reason": "string"
                 *     }
                 */
                "application/json": {
                    /** @enum {unknown} */
                    action: "retry" | "cancel" | "terminate" | "reset";
                    /** @description Why: recorded in the audit trail (and given to Temporal for terminate and reset) */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workflowId": "string",
                     *       "action": "retry",
                     *       "result": {
                     *         "property1": null,
                     *         "property2": null
                     *       }
                     *     }
                     */
                    "application/json": {
                        workflowId: string;
                        /** @enum {unknown} */
                        action: "retry" | "cancel" | "terminate" | "reset";
                        result: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCodecDecode: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "payloads": [
                 *         {
                 *           "metadata": {
                 *             "property1": "string",
                 *             "property2": "string"
                 *           },
                 *           "data": "string"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    payloads: {
                        metadata?: {
                            [key: string]: string;
                        };
                        data?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payloads": [
                     *         {
                     *           "metadata": {
                     *             "property1": "string",
                     *             "property2": "string"
                     *           },
                     *           "data": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        payloads: {
                            metadata?: {
                                [key: string]: string;
                            };
                            data?: string;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCodecEncode: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of the client's choosing (at most 200 characters): a retried request with the same key is answered as the first was, and applied once */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "payloads": [
                 *         {
                 *           "metadata": {
                 *             "property1": "string",
                 *             "property2": "string"
                 *           },
                 *           "data": "string"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    payloads: {
                        metadata?: {
                            [key: string]: string;
                        };
                        data?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payloads": [
                     *         {
                     *           "metadata": {
                     *             "property1": "string",
                     *             "property2": "string"
                     *           },
                     *           "data": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        payloads: {
                            metadata?: {
                                [key: string]: string;
                            };
                            data?: string;
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Over the caller's rate limit for this class of request */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOutbox: {
        parameters: {
            query?: {
                /** @description How many of the newest messages, 1 to 500 (default 50) */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "messages": [
                     *         {
                     *           "id": "string",
                     *           "receivedAt": "2019-08-24T14:15:22Z",
                     *           "from": "string",
                     *           "to": "string",
                     *           "subject": "string",
                     *           "attachments": [
                     *             {
                     *               "index": 0,
                     *               "filename": "string",
                     *               "contentType": "string",
                     *               "size": 0
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        messages: {
                            id: string;
                            /** Format: date-time */
                            receivedAt: string;
                            from: string;
                            to: string;
                            subject: string;
                            attachments: {
                                index: number;
                                filename: string;
                                contentType: string;
                                size: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOutboxByMessageId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "string",
                     *       "receivedAt": "2019-08-24T14:15:22Z",
                     *       "from": "string",
                     *       "to": "string",
                     *       "subject": "string",
                     *       "attachments": [
                     *         {
                     *           "index": 0,
                     *           "filename": "string",
                     *           "contentType": "string",
                     *           "size": 0
                     *         }
                     *       ],
                     *       "text": "string"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** Format: date-time */
                        receivedAt: string;
                        from: string;
                        to: string;
                        subject: string;
                        attachments: {
                            index: number;
                            filename: string;
                            contentType: string;
                            size: number;
                        }[];
                    } & {
                        text: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOutboxAttachmentsByIndex: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: string;
                index: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attachment as sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal or the database does not answer, or sheds load: retry after the delay (with the same Idempotency-Key) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the identity provider's authorization endpoint */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the application, signed in */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthDemoUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "users": [
                     *         {
                     *           "id": "string",
                     *           "label": "string",
                     *           "roles": [
                     *             "string"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        users: {
                            id: string;
                            label: string;
                            roles: string[];
                        }[];
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthDemoSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "user": "string"
                 *     }
                 */
                "application/json": {
                    user: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subject": "string",
                     *       "name": "string",
                     *       "roles": [
                     *         "string"
                     *       ],
                     *       "memberId": "string",
                     *       "expiresAt": "2019-08-24T14:15:22Z"
                     *     }
                     */
                    "application/json": {
                        subject: string;
                        name?: string;
                        roles: string[];
                        memberId?: string;
                        /** Format: date-time */
                        expiresAt?: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthSignOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subject": "string",
                     *       "name": "string",
                     *       "roles": [
                     *         "string"
                     *       ],
                     *       "memberId": "string",
                     *       "expiresAt": "2019-08-24T14:15:22Z"
                     *     }
                     */
                    "application/json": {
                        subject: string;
                        name?: string;
                        roles: string[];
                        memberId?: string;
                        /** Format: date-time */
                        expiresAt?: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role or committee scope does not allow it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the resource's current state (e.g. a finished session, with its phase) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule of the law or of the committee's rules (the rule and article are named) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWebhooksZoom: {
        parameters: {
            query?: never;
            header?: {
                "x-zm-signature"?: string;
                "x-zm-request-timestamp"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A Zoom webhook delivery; the raw bytes are signed. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "event": "string",
                 *       "event_ts": 0,
                 *       "payload": {
                 *         "plainToken": "string",
                 *         "object": {
                 *           "id": 0,
                 *           "uuid": "string",
                 *           "start_time": "string",
                 *           "end_time": "string",
                 *           "participant": {
                 *             "user_id": "string",
                 *             "participant_uuid": "string",
                 *             "registrant_id": "string",
                 *             "email": "string",
                 *             "user_name": "string",
                 *             "join_time": "string",
                 *             "leave_time": "string"
                 *           }
                 *         }
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description e.g. meeting.participant_joined, endpoint.url_validation */
                    event: string;
                    event_ts?: number;
                    payload: {
                        plainToken?: string;
                        object?: {
                            id?: number | string;
                            uuid?: string;
                            start_time?: string;
                            end_time?: string;
                            participant?: {
                                user_id?: string | number;
                                participant_uuid?: string;
                                registrant_id?: string | null;
                                email?: string | null;
                                user_name?: string;
                                join_time?: string;
                                leave_time?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Empty, or the answer to the URL validation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "plainToken": "string",
                     *       "encryptedToken": "string"
                     *     }
                     */
                    "application/json": {
                        plainToken?: string;
                        encryptedToken?: string;
                    };
                };
            };
            /** @description The request does not match its schema (problem details name the rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid token or session cookie */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource (or none the caller may see) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
