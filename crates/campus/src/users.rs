//! `campus user …`: account administration from the command line, for the
//! first administrator and for scripts.

use std::io::BufRead;

use anyhow::{Context, bail};
use campus_domain::{Email, Role, check_new_password, required_text};
use campus_store::Store;
use campus_store::users::{NewUser, UserFilter};
use campus_web::{Config, PasswordHasher};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Crée un compte (adresse considérée comme vérifiée).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// apprenant, formateur, entreprise, partenaire, equipe_campus ou admin.
        #[arg(long, default_value = "apprenant")]
        role: String,
        /// Lit le mot de passe sur l'entrée standard (sinon un mot de passe est généré et affiché une fois).
        #[arg(long)]
        password_stdin: bool,
    },
    /// Liste les comptes.
    List {
        #[arg(long)]
        role: Option<String>,
        /// Partie de l'adresse ou du nom.
        #[arg(long)]
        query: Option<String>,
    },
    /// Change le rôle d'un compte.
    SetRole {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
    },
    /// Désactive un compte et ferme ses sessions.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Réactive un compte désactivé.
    Enable {
        #[arg(long)]
        email: String,
    },
}

fn parse_role(role: &str) -> anyhow::Result<Role> {
    Role::parse(role).map_err(|_| {
        anyhow::anyhow!("rôle inconnu « {role} » : apprenant, formateur, entreprise, partenaire, equipe_campus ou admin")
    })
}

fn parse_email(email: &str) -> anyhow::Result<Email> {
    Email::parse(email).map_err(|e| anyhow::anyhow!("adresse e-mail invalide « {email} » ({e})"))
}

pub async fn run(config: Config, command: UserCommand) -> anyhow::Result<()> {
    let store = Store::connect(&config.database.url, 2).await?;
    store.migrate().await.context("migration")?;
    let result = dispatch(&store, &config, command).await;
    store.close().await?;
    result
}

async fn find(store: &Store, email: &str) -> anyhow::Result<campus_store::users::User> {
    let email = parse_email(email)?;
    store
        .user_by_email(&email)
        .await?
        .with_context(|| format!("aucun compte pour {}", email.as_str()))
}

async fn dispatch(store: &Store, config: &Config, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Add {
            email,
            name,
            role,
            password_stdin,
        } => {
            let email = parse_email(&email)?;
            let name =
                required_text(&name, 120).map_err(|e| anyhow::anyhow!("nom invalide ({e})"))?;
            let role = parse_role(&role)?;
            let (password, generated) = if password_stdin {
                let mut line = String::new();
                std::io::stdin()
                    .lock()
                    .read_line(&mut line)
                    .context("lecture du mot de passe")?;
                (line.trim_end_matches(['\n', '\r']).to_owned(), false)
            } else {
                (campus_store::generate_token(), true)
            };
            if let Err(e) = check_new_password(&password, &[email.local_part(), &name]) {
                bail!("mot de passe refusé ({e})");
            }
            let hasher = PasswordHasher::new(
                config.security.argon2_memory_kib,
                config.security.argon2_iterations,
            )
            .map_err(|e| anyhow::anyhow!(e))?;
            let hash = hasher
                .hash(password.clone())
                .await
                .map_err(|e| anyhow::anyhow!(e))?;
            let new = NewUser {
                email: email.clone(),
                display_name: name,
                password_hash: Some(hash),
                role,
                statut: None,
                locale: "fr".to_owned(),
                email_verified: true,
            };
            match store.create_user(new, None, None, None).await {
                Ok(user) => {
                    println!(
                        "compte créé : {} ({}), identifiant {}",
                        user.email,
                        user.role.as_str(),
                        user.id
                    );
                    if generated {
                        println!("mot de passe (affiché une seule fois) : {password}");
                    }
                    Ok(())
                }
                Err(err) if err.is_conflict() => {
                    bail!("un compte existe déjà pour {}", email.as_str())
                }
                Err(err) => Err(err.into()),
            }
        }
        UserCommand::List { role, query } => {
            let role = role.as_deref().map(parse_role).transpose()?;
            let mut page = 0;
            loop {
                let (users, total) = store
                    .list_users(&UserFilter {
                        query: query.clone(),
                        role,
                        page,
                        per_page: 200,
                    })
                    .await?;
                for user in &users {
                    let state = if user.disabled {
                        "désactivé"
                    } else if user.email_verified {
                        "actif"
                    } else {
                        "non vérifié"
                    };
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        user.id,
                        user.email,
                        user.role.as_str(),
                        state,
                        user.display_name
                    );
                }
                page += 1;
                if users.is_empty() || page * 200 >= total {
                    break;
                }
            }
            Ok(())
        }
        UserCommand::SetRole { email, role } => {
            let user = find(store, &email).await?;
            let role = parse_role(&role)?;
            store.set_role(user.id, role, None).await?;
            println!("{} a maintenant le rôle {}", user.email, role.as_str());
            Ok(())
        }
        UserCommand::Disable { email } => {
            let user = find(store, &email).await?;
            store.set_disabled(user.id, true, None).await?;
            println!("{} est désactivé ; ses sessions sont fermées", user.email);
            Ok(())
        }
        UserCommand::Enable { email } => {
            let user = find(store, &email).await?;
            store.set_disabled(user.id, false, None).await?;
            println!("{} est réactivé", user.email);
            Ok(())
        }
    }
}
