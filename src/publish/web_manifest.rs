//! The web app manifest (`manifest.webmanifest`, linked from every page by `index.html`): what a
//! browser installs. The outlet's name; the folder it sits in (`./`, resolved on the manifest's own
//! address, so the site's sub-path and whatever host serves it) as where it starts and what it
//! covers; the colours of both themes (the dark one as Chromium's proposed
//! `user_preferences`, which others ignore); and the outlet's icon from `site.json`, or else one
//! drawn from the first letter of its name (`icon.svg`).
use crate::api::Site;
use crate::links::safe_src;
use serde_json::json;

pub(super) const MANIFEST: &str = "manifest.webmanifest";
pub(super) const GENERATED_ICON: &str = "icon.svg";

/// The page colours of `index.html`'s themes, and the accent the generated icon is drawn in.
const LIGHT: &str = "#ffffff";
const DARK: &str = "#121418";
const ACCENT: &str = "#0a5299";

/// The manifest's own folder: the site's public URL.
const HERE: &str = "./";

/// The longest name a home screen shows whole.
const SHORT_NAME_CHARS: usize = 12;

/// The manifest for `site`; without an icon of the outlet's, it names [`GENERATED_ICON`] beside it.
pub(super) fn manifest(site: &Site) -> String {
    let icons = match outlet_icon(site) {
        Some(icon) => icon,
        None => json!([{ "src": GENERATED_ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any" }]),
    };
    let manifest = json!({
        "id": HERE,
        "name": site.name,
        "short_name": short_name(&site.name),
        "lang": site.default_language,
        "start_url": HERE,
        "scope": HERE,
        "display": "standalone",
        "background_color": LIGHT,
        "theme_color": LIGHT,
        "user_preferences": { "color_scheme_dark": { "background_color": DARK, "theme_color": DARK } },
        "icons": icons,
    });
    serde_json::to_string_pretty(&manifest).unwrap_or_default() + "\n"
}

/// Whether the manifest names the generated icon (then it must be written).
pub(super) fn needs_generated_icon(site: &Site) -> bool {
    outlet_icon(site).is_none()
}

fn outlet_icon(site: &Site) -> Option<serde_json::Value> {
    let icon = site.icon.as_ref()?;
    let src = safe_src(&icon.src)?;
    let path = src.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    let kind = [(".png", "image/png"), (".webp", "image/webp"), (".svg", "image/svg+xml"), (".jpg", "image/jpeg")]
        .into_iter()
        .find(|(ext, _)| path.ends_with(ext))
        .map(|(_, kind)| kind);
    let mut entry = json!({ "src": src, "sizes": format!("{}x{}", icon.width, icon.height), "purpose": "any" });
    if let Some(kind) = kind {
        entry["type"] = kind.into();
    }
    Some(json!([entry]))
}

/// The name, or its first word, at most [`SHORT_NAME_CHARS`] characters.
fn short_name(name: &str) -> String {
    let name = name.trim();
    if name.chars().count() <= SHORT_NAME_CHARS {
        return name.to_string();
    }
    let first_word = name.split_whitespace().next().unwrap_or(name);
    first_word.chars().take(SHORT_NAME_CHARS).collect()
}

/// A square icon: the first letter or digit of the outlet's name, white on the accent colour.
pub(super) fn generated_icon(site: &Site) -> String {
    let initial: String =
        site.name.chars().find(|c| c.is_alphanumeric()).into_iter().flat_map(char::to_uppercase).collect();
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">"#,
            r#"<rect width="512" height="512" rx="96" fill="{accent}"/>"#,
            r#"<text x="256" y="256" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" "#,
            r##"font-size="300" font-weight="700" fill="#ffffff">{initial}</text></svg>"##,
            "\n"
        ),
        accent = ACCENT,
        initial = super::xml::escape(&initial),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::json::from_str;

    fn site(extra: &str) -> Site {
        from_str(&format!(
            r#"{{"name":"<Ереван> & Co Daily News","default_language":"ru","languages":[{{"code":"ru","label":"RU","name":"Русский"}}]{extra}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn the_manifest_starts_and_stays_in_its_own_folder() {
        let manifest: serde_json::Value = serde_json::from_str(&manifest(&site(""))).unwrap();
        assert_eq!(manifest["start_url"], "./");
        assert_eq!(manifest["scope"], "./");
        assert_eq!(manifest["name"], "<Ереван> & Co Daily News");
        assert_eq!(manifest["short_name"], "<Ереван>");
        assert_eq!(manifest["lang"], "ru");
        assert_eq!(manifest["icons"][0]["src"], GENERATED_ICON);
    }

    #[test]
    fn the_outlets_icon_is_used_when_it_names_a_safe_one() {
        let with_icon = site(r#","icon":{"src":"img/icon-512.png","width":512,"height":512}"#);
        let manifest: serde_json::Value = serde_json::from_str(&manifest(&with_icon)).unwrap();
        assert_eq!(manifest["icons"][0]["src"], "img/icon-512.png");
        assert_eq!(manifest["icons"][0]["sizes"], "512x512");
        assert_eq!(manifest["icons"][0]["type"], "image/png");
        assert!(!needs_generated_icon(&with_icon));
        let unsafe_icon = site(r#","icon":{"src":"javascript:alert(1)","width":512,"height":512}"#);
        assert!(needs_generated_icon(&unsafe_icon));
    }

    #[test]
    fn the_generated_icon_carries_the_initial_as_text() {
        let svg = generated_icon(&site(""));
        assert!(svg.contains(">Е</text>"), "{svg}");
        let hostile = from_str::<Site>(r#"{"name":"<script>","default_language":"en","languages":[]}"#).unwrap();
        assert!(generated_icon(&hostile).contains(">S</text>"));
    }
}
