//! The login form: the moderator's token, kept on this device or for the tab.

use super::{Desk, error_text};
use crate::desk::state::{Event, LoginProblem, Session};
use leptos::prelude::*;

/// The login page, with why it is shown again when it says why.
#[component]
pub fn LoginPage(
    /// The desk.
    desk: Desk,
) -> impl IntoView {
    let token = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let strings = move || Some(desk.strings());
    let checking = Memo::new(move |_| desk.state().with(|s| *s.session() == Session::Checking));
    let problem = Memo::new(move |_| desk.state().with(|s| s.login_problem().cloned()));
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        desk.dispatch(Event::Login {
            token: token.get_untracked(),
            remember: remember.get_untracked(),
        });
    };
    let problem_text = move || {
        let s = strings()?;
        let text = match problem.get()? {
            LoginProblem::Empty => s.login_empty.to_owned(),
            LoginProblem::WrongToken(words) => match words {
                Some(words) => format!("{} ({words})", s.login_wrong),
                None => s.login_wrong.to_owned(),
            },
            LoginProblem::Ended(words) => match words {
                Some(words) => format!("{} ({words})", s.login_ended),
                None => s.login_ended.to_owned(),
            },
            LoginProblem::Unreachable(error) => {
                format!("{} {}", s.login_unreachable, error_text(&error, s))
            }
        };
        Some(view! { <p class="desk-login-problem" role="alert" id="login-problem">{text}</p> })
    };
    view! {
        <main id="main" class="desk-login">
            <form class="desk-login-form" on:submit=submit novalidate>
                <h1>{move || strings().map(|s| s.login_title)}</h1>
                <p class="desk-muted">{move || strings().map(|s| s.login_intro)}</p>
                {problem_text}
                <label for="desk-token">{move || strings().map(|s| s.token_label)}</label>
                <input
                    id="desk-token"
                    type="password"
                    autocomplete="current-password"
                    spellcheck="false"
                    required
                    aria-describedby=move || problem.get().map(|_| "login-problem")
                    prop:value=move || token.get()
                    on:input=move |e| token.set(event_target_value(&e))
                />
                <label class="desk-check">
                    <input
                        type="checkbox"
                        prop:checked=move || remember.get()
                        on:change=move |e| remember.set(event_target_checked(&e))
                    />
                    {move || strings().map(|s| s.remember)}
                </label>
                <button type="submit" class="desk-primary" disabled=move || checking.get()>
                    {move || {
                        strings().map(|s| if checking.get() { s.checking } else { s.login })
                    }}
                </button>
            </form>
        </main>
    }
}
