//! Registrations under concurrency and faults, on the database of the
//! test run (SQLite, or PostgreSQL with `CAMPUS_TEST_DATABASE_URL`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use campus_domain::Email;
use campus_domain::evenement::{Audience, EvenementKind, InscriptionStatus};
use campus_store::evenements::follow_up::FollowUp;
use campus_store::evenements::inscriptions::{
    CheckInError, Inscription, InscriptionKind, MailsFor, NewInscription, RegisterError,
};
use campus_store::evenements::{Evenement, EvenementInput, EvenementSaveError, Safety};
use campus_store::outbox::OutgoingMail;
use campus_store::{Store, StoreError};
use campus_testkit::TestDb;
use chrono::Duration;

/// A store with the demonstration data, on the tests' clock.
async fn store() -> (Store, TestDb) {
    let db = TestDb::new().await;
    let store = Store::connect(&db.url, 8)
        .await
        .unwrap()
        .with_clock(campus_testkit::test_clock().into());
    store.migrate().await.unwrap();
    store.load_demo_if_empty().await.unwrap();
    (store, db)
}

async fn event(store: &Store, capacity: i32) -> Evenement {
    let org = store.organisation_by_slug("cosmetic-valley").await.unwrap();
    let starts_at = store.now() + Duration::days(10);
    store
        .evenements()
        .create_evenement(
            EvenementInput {
                organisation_id: org.id,
                kind: EvenementKind::VisiteSite,
                titre: "Visite d'essai".to_owned(),
                description: String::new(),
                adresse: "1 rue de l'Essai".to_owned(),
                code_postal: None,
                commune: "Chartres".to_owned(),
                departement: None,
                starts_at,
                ends_at: starts_at + Duration::hours(3),
                capacity,
                audiences: vec![Audience::Lyceens],
                romes: vec![],
                safety: Safety::default(),
            },
            None,
        )
        .await
        .unwrap()
}

fn person(evenement_id: i32, n: usize) -> NewInscription {
    NewInscription {
        evenement_id,
        user_id: None,
        kind: InscriptionKind::Personne,
        nom: format!("Personne {n}"),
        email: Email::parse(&format!("personne{n}@exemple.test")).unwrap(),
        seats: 1,
        public: Audience::Etudiants,
        niveau: "Licence".to_owned(),
        organisation_nom: None,
        is_minor: false,
        parent_email: None,
    }
}

fn class(evenement_id: i32, nom: &str, pupils: i32) -> NewInscription {
    NewInscription {
        kind: InscriptionKind::Classe,
        nom: nom.to_owned(),
        email: Email::parse("prof@lycee.test").unwrap(),
        seats: pupils,
        public: Audience::Lyceens,
        niveau: "Seconde".to_owned(),
        organisation_nom: Some("Lycée d'essai".to_owned()),
        is_minor: true,
        ..person(evenement_id, 0)
    }
}

fn one_mail<T: ?Sized>() -> MailsFor<'static, T> {
    Box::new(|_| {
        Ok(vec![OutgoingMail {
            to: "quelqu-un@exemple.test".to_owned(),
            subject: "Inscription".to_owned(),
            body: "…".to_owned(),
        }])
    })
}

fn failing<T: ?Sized>() -> MailsFor<'static, T> {
    Box::new(|_| Err(StoreError::Corrupt("panne simulée".to_owned())))
}

fn count(regs: &[Inscription], status: InscriptionStatus) -> usize {
    regs.iter().filter(|r| r.status == status).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_inscriptions_for_fifty_seats() {
    let (store, _db) = store().await;
    let event = event(&store, 50).await;
    let mut tasks = Vec::new();
    for n in 0..200 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            store
                .evenements()
                .register(person(event.id, n), one_mail())
                .await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    let regs = store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await
        .unwrap();
    assert_eq!(regs.len(), 200, "aucune inscription perdue");
    assert_eq!(count(&regs, InscriptionStatus::Confirmee), 50);
    assert_eq!(count(&regs, InscriptionStatus::ListeAttente), 150);
    let emails: HashSet<_> = regs.iter().map(|r| r.email.clone()).collect();
    assert_eq!(emails.len(), 200, "aucun doublon");
    let codes: HashSet<_> = regs.iter().map(|r| r.code.clone()).collect();
    assert_eq!(codes.len(), 200);
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (50, 150)
    );
    assert_eq!(store.pending_mail_count().await.unwrap(), 200);

    // The next ten in arrival order are the ten lowest waiting ids.
    let mut waiting: Vec<i32> = regs
        .iter()
        .filter(|r| r.status == InscriptionStatus::ListeAttente)
        .map(|r| r.id)
        .collect();
    waiting.sort_unstable();
    let next_ten: HashSet<i32> = waiting[..10].iter().copied().collect();
    let leaving: Vec<i32> = regs
        .iter()
        .filter(|r| r.status == InscriptionStatus::Confirmee)
        .take(10)
        .map(|r| r.id)
        .collect();
    let mut tasks = Vec::new();
    for id in leaving {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            store.evenements().cancel_inscription(id, one_mail()).await
        }));
    }
    let mut promoted = HashSet::new();
    for task in tasks {
        let outcome = task.await.unwrap().unwrap();
        assert!(outcome.changed);
        assert_eq!(outcome.promoted.len(), 1);
        for p in outcome.promoted {
            assert!(promoted.insert(p.id), "promue deux fois");
        }
    }
    assert_eq!(promoted, next_ten);
    let regs = store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await
        .unwrap();
    assert_eq!(count(&regs, InscriptionStatus::Confirmee), 50);
    assert_eq!(count(&regs, InscriptionStatus::ListeAttente), 140);
    assert_eq!(count(&regs, InscriptionStatus::Annulee), 10);
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (50, 140)
    );
}

#[tokio::test]
async fn a_failure_after_the_first_write_leaves_nothing() {
    let (store, _db) = store().await;
    let event = event(&store, 1).await;
    // The seat counter is moved first, then the e-mail fails: all of it
    // is rolled back.
    let err = store
        .evenements()
        .register(person(event.id, 1), failing())
        .await
        .unwrap_err();
    assert!(matches!(err, RegisterError::Store(StoreError::Corrupt(_))));
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (0, 0)
    );
    assert!(
        store
            .evenements()
            .inscriptions_of_evenement(event.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.pending_mail_count().await.unwrap(), 0);

    let seated = store
        .evenements()
        .register(person(event.id, 2), one_mail())
        .await
        .unwrap();
    let waiting = store
        .evenements()
        .register(person(event.id, 3), one_mail())
        .await
        .unwrap();
    assert_eq!(waiting.status, InscriptionStatus::ListeAttente);
    // Cancelling releases the seat and promotes the next, then fails:
    // nothing of it remains.
    store
        .evenements()
        .cancel_inscription(seated.id, failing())
        .await
        .unwrap_err();
    let regs = store
        .evenements()
        .inscriptions_of_evenement(event.id)
        .await
        .unwrap();
    assert_eq!(regs[0].status, InscriptionStatus::Confirmee);
    assert_eq!(regs[1].status, InscriptionStatus::ListeAttente);
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (1, 1)
    );
    assert_eq!(store.pending_mail_count().await.unwrap(), 2);
    // The same registration can then register again: its key was kept.
    assert!(matches!(
        store
            .evenements()
            .register(person(event.id, 2), one_mail())
            .await,
        Err(RegisterError::Duplicate)
    ));
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (1, 1)
    );
}

#[tokio::test]
async fn a_class_is_seated_whole_and_nobody_overtakes_it() {
    let (store, _db) = store().await;
    let event = event(&store, 10).await;
    let first = store
        .evenements()
        .register(class(event.id, "2nde A", 8), one_mail())
        .await
        .unwrap();
    assert_eq!(first.status, InscriptionStatus::Confirmee);
    let second = store
        .evenements()
        .register(class(event.id, "2nde B", 5), one_mail())
        .await
        .unwrap();
    assert_eq!(second.status, InscriptionStatus::ListeAttente);
    // Two seats are free, but a class waits before this person.
    let alone = store
        .evenements()
        .register(person(event.id, 1), one_mail())
        .await
        .unwrap();
    assert_eq!(alone.status, InscriptionStatus::ListeAttente);
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (8, 2)
    );
    // The same class twice is refused.
    assert!(matches!(
        store
            .evenements()
            .register(class(event.id, "2nde A", 8), one_mail())
            .await,
        Err(RegisterError::Duplicate)
    ));
    let outcome = store
        .evenements()
        .cancel_inscription(first.id, one_mail())
        .await
        .unwrap();
    let promoted: Vec<i32> = outcome.promoted.iter().map(|r| r.id).collect();
    assert_eq!(promoted, vec![second.id, alone.id]);
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (6, 0)
    );
    // Cancelling again changes nothing.
    let again = store
        .evenements()
        .cancel_inscription(first.id, one_mail())
        .await
        .unwrap();
    assert!(!again.changed);
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (6, 0)
    );
}

#[tokio::test]
async fn a_minor_holds_a_seat_until_a_parent_consents() {
    let (store, _db) = store().await;
    let event = event(&store, 5).await;
    let minor = NewInscription {
        is_minor: true,
        parent_email: Some(Email::parse("parent@exemple.test").unwrap()),
        public: Audience::Collegiens,
        ..person(event.id, 1)
    };
    let reg = store
        .evenements()
        .register(minor, one_mail())
        .await
        .unwrap();
    assert_eq!(reg.status, InscriptionStatus::AttenteConsentement);
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event.id)
            .await
            .unwrap(),
        (1, 0)
    );
    // No check-in before the consent.
    assert!(matches!(
        store.evenements().check_in(event.id, &reg.code).await,
        Err(CheckInError::NotConfirmed(_))
    ));
    let confirmed = store
        .evenements()
        .record_consent(reg.id, "Claire Martin", one_mail())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(confirmed.status, InscriptionStatus::Confirmee);
    assert_eq!(confirmed.consent_by.as_deref(), Some("Claire Martin"));
    assert!(confirmed.consent_at.is_some());
    assert!(
        store
            .evenements()
            .record_consent(reg.id, "Claire Martin", one_mail())
            .await
            .unwrap()
            .is_none()
    );
    let checked = store
        .evenements()
        .check_in(event.id, &reg.code.to_lowercase())
        .await
        .unwrap();
    assert!(checked.checked_in_at.is_some());
    assert!(matches!(
        store.evenements().check_in(event.id, &reg.code).await,
        Err(CheckInError::AlreadyCheckedIn(_))
    ));
    assert!(matches!(
        store.evenements().check_in(event.id, "ZZZZZZZZ").await,
        Err(CheckInError::UnknownCode)
    ));
}

#[tokio::test]
async fn capacity_changes_keep_the_rules() {
    let (store, _db) = store().await;
    let event_ = event(&store, 2).await;
    for n in 0..4 {
        store
            .evenements()
            .register(person(event_.id, n), one_mail())
            .await
            .unwrap();
    }
    let input = |capacity| EvenementInput {
        organisation_id: event_.organiser.id,
        kind: event_.kind,
        titre: event_.titre.clone(),
        description: event_.description.clone(),
        adresse: event_.adresse.clone(),
        code_postal: None,
        commune: event_.commune.clone(),
        departement: None,
        starts_at: event_.starts_at,
        ends_at: event_.ends_at,
        capacity,
        audiences: event_.audiences.clone(),
        romes: vec![],
        safety: Safety::default(),
    };
    assert!(matches!(
        store
            .evenements()
            .update_evenement(event_.id, input(1), None, one_mail())
            .await,
        Err(EvenementSaveError::CapacityBelowTaken { taken: 2 })
    ));
    let (saved, promoted) = store
        .evenements()
        .update_evenement(event_.id, input(3), None, one_mail())
        .await
        .unwrap();
    assert_eq!(saved.capacity, 3);
    assert_eq!(promoted.len(), 1);
    assert_eq!(
        store
            .evenements()
            .evenement_counters(event_.id)
            .await
            .unwrap(),
        (3, 1)
    );
}

#[tokio::test]
async fn reminders_are_sent_once() {
    let (store, _db) = store().await;
    let event = event(&store, 5).await;
    let reg = store
        .evenements()
        .register(person(event.id, 1), one_mail())
        .await
        .unwrap();
    let horizon = Duration::hours(48);
    assert!(
        store
            .evenements()
            .due_follow_ups(FollowUp::Reminder, store.now(), horizon)
            .await
            .unwrap()
            .is_empty()
    );
    let day_before = event.starts_at - Duration::hours(24);
    let due = store
        .evenements()
        .due_follow_ups(FollowUp::Reminder, day_before, horizon)
        .await
        .unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].0.id, reg.id);
    let mail = OutgoingMail {
        to: reg.email.clone(),
        subject: "Rappel".to_owned(),
        body: "À demain".to_owned(),
    };
    assert!(
        store
            .evenements()
            .send_follow_up(reg.id, FollowUp::Reminder, mail.clone())
            .await
            .unwrap()
    );
    assert!(
        !store
            .evenements()
            .send_follow_up(reg.id, FollowUp::Reminder, mail)
            .await
            .unwrap()
    );
    assert!(
        store
            .evenements()
            .due_follow_ups(FollowUp::Reminder, day_before, horizon)
            .await
            .unwrap()
            .is_empty()
    );
    let after = event.ends_at + Duration::hours(2);
    assert_eq!(
        store
            .evenements()
            .due_follow_ups(FollowUp::Survey, after, horizon)
            .await
            .unwrap()
            .len(),
        1
    );
}
