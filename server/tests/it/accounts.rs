//! The accounts story on both backends: an invitation writes the account, the token's hash and
//! the email in one transaction; the token is single-use and expires; passwords are stored as
//! Argon2id hashes only.

use app::{
    accounts::{
        password::Password,
        queries::{InviteOutcome, NewInvitation, TokenPurpose},
        token::{Token, TokenHash},
        EmailAddress, Role,
    },
    db::{Backend, Db},
    db_run,
    mail::OutgoingEmail,
};
use chrono::{DateTime, Duration, Utc};

use crate::{helpers::TestDb, on_both_backends};

fn invitation_email(to: &EmailAddress, token: &Token) -> OutgoingEmail {
    OutgoingEmail {
        to: to.as_str().to_owned(),
        subject: "Du er inviteret".into(),
        text: format!(
            "Følg linket: http://localhost/invitation/{}",
            token.as_str()
        ),
        html: format!(
            "<a href=\"http://localhost/invitation/{}\">Følg linket</a>",
            token.as_str()
        ),
        ..Default::default()
    }
}

async fn invitation_story(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let now = Utc::now();
    let email = EmailAddress::parse(" Amina.Journalist@Example.org ").unwrap();
    let token = Token::generate();
    let mail = invitation_email(&email, &token);
    let invitation = NewInvitation {
        email: &email,
        role: Role::Journalist,
        token_hash: &token.hash(),
        expires_at: now + Duration::days(7),
        invited_by: None,
        inviter_role: None,
        mail: &mail,
    };
    let InviteOutcome::Invited { user_id } =
        db.accounts().invite_user(&invitation, now).await.unwrap()
    else {
        panic!("a new address is invited");
    };

    // The email was queued in the same transaction as the account.
    let outbox = db.outbox().list_outbox(10).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].to_address, "amina.journalist@example.org");
    assert_eq!(outbox[0].status, "queued");

    let account = db
        .accounts()
        .account_by_email(&email)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (account.id, account.role, account.disabled),
        (user_id, Role::Journalist, false)
    );
    assert!(
        account.password_hash.is_none(),
        "no password before the invitation is accepted"
    );

    // The token finds the account only for its purpose, unused and before it expires.
    let owner = |hash: TokenHash, purpose: TokenPurpose, at: DateTime<Utc>| {
        let db = db.clone();
        async move {
            let found = db
                .accounts()
                .account_by_token(&hash, purpose, at)
                .await
                .unwrap();
            found.map(|account| account.id)
        }
    };
    let invitation_token = TokenPurpose::Invitation;
    assert_eq!(
        owner(token.hash(), invitation_token, now).await,
        Some(user_id)
    );
    assert_eq!(
        owner(Token::generate().hash(), invitation_token, now).await,
        None
    );
    assert_eq!(
        owner(token.hash(), TokenPurpose::PasswordReset, now).await,
        None
    );
    let later = now + Duration::days(7) + Duration::seconds(1);
    assert_eq!(owner(token.hash(), invitation_token, later).await, None);
    let hash = Password::parse("grøn cykel under kastanjetræet", &[])
        .unwrap()
        .hash();
    let expired = db
        .accounts()
        .accept_invitation(&token.hash(), "Sent", &hash, later)
        .await;
    assert_eq!(
        expired.unwrap(),
        None,
        "an expired invitation cannot be accepted"
    );

    // Only the token's hash is stored.
    let stored: i64 = db_run!(&db, |pool| {
        sqlx::query_scalar("select count(*) from auth_tokens where token_hash = $1")
            .bind(token.as_str())
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(stored, 0);

    // Accepting sets name and password once; the token cannot be used again.
    let accepted = db
        .accounts()
        .accept_invitation(&token.hash(), "Amina", &hash, now + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(accepted, Some(user_id));
    let again = db
        .accounts()
        .accept_invitation(&token.hash(), "Mallory", &hash, now + Duration::hours(2))
        .await
        .unwrap();
    assert_eq!(again, None);
    let account = db
        .accounts()
        .account_by_email(&email)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.display_name, "Amina");
    let stored_hash = account.password_hash.unwrap();
    assert!(stored_hash.verify("grøn cykel under kastanjetræet"));

    // Inviting an address that already has an account writes nothing at all.
    let second = Token::generate();
    let mail = invitation_email(&email, &second);
    let outcome = db
        .accounts()
        .invite_user(
            &NewInvitation {
                token_hash: &second.hash(),
                mail: &mail,
                ..invitation
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(outcome, InviteOutcome::AlreadyMember);
    assert_eq!(db.outbox().list_outbox(10).await.unwrap().len(), 1);
    assert_eq!(owner(second.hash(), invitation_token, now).await, None);
}

on_both_backends!(invitation_story);

async fn outbox_story(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let now = Utc::now();
    for to in ["a@example.org", "b@example.org"] {
        let mail = OutgoingEmail {
            to: to.into(),
            subject: "Hej".into(),
            text: "Hej".into(),
            html: "<p>Hej</p>".into(),
            ..Default::default()
        };
        crate::fixtures::queue_email(&db, &mail, now).await;
    }
    // A worker's claim at `at`: the oldest due message, held for a minute.
    let claim = |at: DateTime<Utc>| {
        let db = db.clone();
        async move {
            db.outbox()
                .claim_due_email(at, at + Duration::seconds(60))
                .await
                .unwrap()
        }
    };

    // Each claim takes the oldest message nobody else holds.
    let first = claim(now).await.unwrap();
    let second = claim(now).await.unwrap();
    assert_eq!(
        (first.to_address.as_str(), first.attempts),
        ("a@example.org", 1)
    );
    assert_eq!(second.to_address, "b@example.org");
    assert!(claim(now).await.is_none());

    // A sent message is done; a failed one waits for its retry.
    db.outbox().mark_email_sent(first.id, now).await.unwrap();
    let error = "connection refused";
    db.outbox()
        .mark_email_failed(&second, error, now)
        .await
        .unwrap();
    assert!(claim(now + Duration::seconds(29)).await.is_none());
    let retry = claim(now + Duration::seconds(31)).await.unwrap();
    assert_eq!((retry.id, retry.attempts), (second.id, 2));

    let entries = db.outbox().list_outbox(10).await.unwrap();
    let status_of = |id: i64| entries.iter().find(|e| e.id == id).unwrap().clone();
    assert_eq!(status_of(first.id).status, "sent");
    assert!(status_of(first.id).sent_at.is_some());
    assert_eq!(status_of(second.id).status, "queued");
    assert_eq!(status_of(second.id).last_error, error);

    // After the last attempt the message is marked failed and no longer claimed.
    let mut attempt = retry;
    let mut clock = now + Duration::seconds(31);
    while attempt.attempts < app::mail::MAX_ATTEMPTS {
        db.outbox()
            .mark_email_failed(&attempt, "still down", clock)
            .await
            .unwrap();
        clock += Duration::hours(2);
        attempt = claim(clock).await.unwrap();
    }
    db.outbox()
        .mark_email_failed(&attempt, "gave up", clock)
        .await
        .unwrap();
    assert!(claim(clock + Duration::days(1)).await.is_none());
    let entries = db.outbox().list_outbox(10).await.unwrap();
    let entry = entries.iter().find(|e| e.id == second.id).unwrap();
    assert_eq!(entry.status, "failed");
}

on_both_backends!(outbox_story);

async fn concurrent_workers_never_claim_the_same_email(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let now = Utc::now();
    for n in 0..5 {
        let mail = OutgoingEmail {
            to: format!("{n}@example.org"),
            subject: "Hej".into(),
            text: "Hej".into(),
            html: "Hej".into(),
            ..Default::default()
        };
        crate::fixtures::queue_email(&db, &mail, now).await;
    }
    // Sixteen workers race, each claiming until it finds nothing. A worker may give up early
    // when it loses a race; what matters is that no message is ever handed out twice.
    let workers: Vec<_> = (0..16)
        .map(|_| {
            let db = db.clone();
            tokio::spawn(async move { claim_until_empty(&db, now).await })
        })
        .collect();
    let mut claimed = Vec::new();
    for worker in workers {
        claimed.extend(worker.await.unwrap());
    }
    // Whatever a losing worker left behind is still there to claim, once.
    claimed.extend(claim_until_empty(&db, now).await);
    claimed.sort_unstable();
    let before = claimed.len();
    claimed.dedup();
    assert_eq!(before, claimed.len(), "a message was claimed twice");
    assert_eq!(claimed.len(), 5, "every message was claimed");
}

on_both_backends!(concurrent_workers_never_claim_the_same_email);

/// Claims due messages until none is left, as one outbox worker would; returns their ids.
async fn claim_until_empty(db: &Db, now: DateTime<Utc>) -> Vec<i64> {
    let outbox = db.outbox();
    let mut claimed = Vec::new();
    let lock_until = now + Duration::seconds(60);
    while let Some(email) = outbox.claim_due_email(now, lock_until).await.unwrap() {
        claimed.push(email.id);
    }
    claimed
}

/// Two invitations of one address accepted at the same moment: exactly one sets the password,
/// the other finds its link void, and neither fails (no deadlock between the two links' rows).
async fn two_invitations_accepted_at_once_set_one_password(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    let now = Utc::now();
    for round in 0..5 {
        let email = EmailAddress::parse(&format!("race{round}@example.org")).unwrap();
        let tokens = [Token::generate(), Token::generate()];
        for token in &tokens {
            let mail = invitation_email(&email, token);
            let invitation = NewInvitation {
                email: &email,
                role: Role::Staff,
                token_hash: &token.hash(),
                expires_at: now + Duration::days(7),
                invited_by: None,
                inviter_role: None,
                mail: &mail,
            };
            db.accounts().invite_user(&invitation, now).await.unwrap();
        }
        let passwords = ["første lange sætning her", "anden lange sætning her"];
        let accept = |token: &Token, password: &str| {
            let (db, hash) = (db.clone(), token.hash());
            let password = Password::parse(password, &[]).unwrap().hash();
            tokio::spawn(async move {
                db.accounts()
                    .accept_invitation(&hash, "Racer", &password, now)
                    .await
            })
        };
        let first = accept(&tokens[0], passwords[0]);
        let second = accept(&tokens[1], passwords[1]);
        let outcomes = [first.await.unwrap(), second.await.unwrap()];
        let winners: Vec<usize> = outcomes
            .iter()
            .enumerate()
            .filter_map(|(n, outcome)| {
                let accepted = outcome.as_ref().expect("no error, no deadlock");
                accepted.is_some().then_some(n)
            })
            .collect();
        assert_eq!(winners.len(), 1, "round {round}: {outcomes:?}");
        let account = db
            .accounts()
            .account_by_email(&email)
            .await
            .unwrap()
            .unwrap();
        let hash = account.password_hash.unwrap();
        assert!(hash.verify(passwords[winners[0]]));
        assert!(!hash.verify(passwords[1 - winners[0]]));
        for token in &tokens {
            let owner = db
                .accounts()
                .account_by_token(&token.hash(), TokenPurpose::Invitation, now)
                .await
                .unwrap();
            assert_eq!(owner, None, "round {round}: every invitation is void");
        }
    }
}

on_both_backends!(two_invitations_accepted_at_once_set_one_password);
