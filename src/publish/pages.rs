//! Published HTML pages, drawn natively by the app's own components (Leptos `ssr`, `to_html`):
//! the same frame (`pages::frame::frame_content`), article (`ArticleView`) and feed
//! (`feed_layout` around the first page) the browser draws. Each page is the built
//! `index.html` with its head and its boot shell filled in: the shell holds the page, readable
//! without scripts, and the app takes over from it when the WebAssembly arrives (`src/boot.rs`).
use super::xml::escape;
use crate::api::{Article, Edition, Section, Site, Summary};
use crate::context::FrameContext;
use crate::i18n::{provide_i18n, use_i18n};
use crate::pages::article::ArticleView;
use crate::pages::feed::feed_layout;
use crate::pages::frame::frame_content;
use crate::pages::use_feed::one_page;
use crate::prefs::text_size::{TextSize, DEFAULT_STEP};
use crate::prefs::theme::{Theme, ThemeChoice};
use crate::route::Translation;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use std::sync::Arc;

/// One language's frame: what the header and footer of its pages show.
pub(super) struct LanguageFrame {
    pub lang: String,
    pub site: Arc<Site>,
    pub edition: Arc<Edition>,
}

/// The built `index.html`, cut where a page goes in.
pub(super) struct Template {
    /// Up to `<html lang="`.
    before_lang: String,
    /// From after the template's language code and its closing quote up to its `<title>`.
    before_head: String,
    /// From after `</title>` up to the boot shell.
    before_shell: String,
    /// After the boot shell and the `<noscript>` note (a published page reads without scripts).
    after_shell: String,
}

const SHELL_START: &str = "<div id=\"boot-shell\"";
const SHELL_END: &str = "<noscript>";

impl Template {
    /// Reads the app's `index.html` (as `trunk build` and `tools/post-build.mjs` made it, and
    /// `deploy::point_page_at` pointed it at the API).
    pub fn parse(html: &str) -> Result<Template, String> {
        let missing = |what: &str| format!("index.html has no {what}: run ./x build first");
        let lang_at = html.find("<html lang=\"").ok_or_else(|| missing("<html lang>"))? + "<html lang=\"".len();
        let lang_end = lang_at + html[lang_at..].find('"').ok_or_else(|| missing("<html lang>"))?;
        let title_at = html.find("<title>").ok_or_else(|| missing("<title>"))?;
        let title_end = title_at + html[title_at..].find("</title>").ok_or_else(|| missing("</title>"))? + 8;
        let shell_at = html.find(SHELL_START).ok_or_else(|| missing("boot shell"))?;
        let noscript = shell_at + html[shell_at..].find(SHELL_END).ok_or_else(|| missing("<noscript>"))?;
        let after_noscript =
            noscript + html[noscript..].find("</noscript>").ok_or_else(|| missing("</noscript>"))? + 11;
        Ok(Template {
            before_lang: html[..lang_at].to_string(),
            before_head: html[lang_end + 1..title_at].to_string(),
            before_shell: html[title_end..shell_at].to_string(),
            after_shell: html[after_noscript..].to_string(),
        })
    }

    /// The whole page: `head` in place of the title, `body` in the boot shell. `<html
    /// data-published>` tells index.html's boot script the page is there before the app.
    pub fn page(&self, lang: &str, head: &str, body: &str) -> String {
        format!(
            "{}{}\" data-published{}{head}{}<div id=\"boot-shell\" data-published>{body}</div>{}",
            self.before_lang,
            escape(lang),
            self.before_head,
            self.before_shell,
            self.after_shell
        )
    }
}

/// Draws `page` inside `frame`'s header and footer, as the app draws the page at `path` (an
/// in-app path), with the page's `translations` for the language switch.
fn draw(
    frame: &LanguageFrame,
    path: &str,
    translations: Vec<Translation>,
    page: impl Fn() -> AnyView + Send + Sync + 'static,
) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(&crate::config::href(path)));
        // The pages' leptos_meta tags are collected here and dropped: `head.rs` writes the same
        // tags (`head::PageHead`) into the page's head.
        leptos_meta::provide_meta_context();
        provide_context(leptos_meta::ServerMetaContext::new().0);
        provide_i18n();
        use_i18n().set_locale(crate::l10n::ui_locale(&frame.lang));
        // The reader's theme and text size are applied by index.html's pre-paint script.
        provide_context(Theme { choice: RwSignal::new(ThemeChoice::System), system_dark: RwSignal::new(false) });
        provide_context(TextSize { step: RwSignal::new(DEFAULT_STEP) });
        // Nothing is saved on a published page: the app shows the reader's list once it takes over.
        provide_context(crate::prefs::reading_list::ReadingList::empty());
        let lang = frame.lang.clone();
        provide_context(FrameContext {
            lang: Memo::new(move |_| lang.clone()),
            site: frame.site.clone(),
            edition: frame.edition.clone(),
            translations: RwSignal::new(translations),
        });
        let children: ChildrenFn = Arc::new(page);
        let children = StoredValue::new(children);
        let html =
            view! { <Router base=crate::config::router_base()>{move || frame_content(children)}</Router> }.to_html();
        // The `<!>` markers the renderer leaves between text nodes are for hydration: the app
        // replaces a published page rather than hydrating it, and HTML calls them bogus
        // comments. API text cannot forge one: Leptos escapes `<` in text and attributes.
        let html = html.replace("<!>", "");
        // The skip link's bare `#main` would go to the site root under `<base href>`; the app
        // handles its click, a reader without scripts follows the page's own address.
        html.replacen("href=\"#main\"", &format!("href=\"{}#main\"", escape(&crate::config::href(path))), 1)
    })
}

/// An article's page body, its translations at their own addresses.
pub(super) fn article_body(
    frame: &LanguageFrame,
    path: &str,
    article: Arc<Article>,
    translations: Vec<Translation>,
) -> String {
    let shown = translations.clone();
    draw(frame, path, translations, move || {
        view! { <ArticleView article=article.clone() translations=shown.clone()/> }.into_any()
    })
}

/// A feed's page body with its page `page` of `total`: `section` is `None` on the front page.
pub(super) fn feed_body(
    frame: &LanguageFrame,
    path: &str,
    section: Option<Section>,
    stories: Vec<Summary>,
    page: u32,
    total: u32,
) -> String {
    draw(frame, path, vec![], move || feed_layout(section.clone(), one_page(stories.clone(), page, total)).into_any())
}
