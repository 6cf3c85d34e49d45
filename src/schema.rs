//! Every setting, written once: the [`settings!`] table of a settings struct.
//!
//! A setting is a field of [`crate::Config`] (the hyperparameters) or of
//! [`crate::TokenizerOptions`] (how text becomes tokens). Each is declared in one row of a
//! `settings!` table: its doc comment (whose first line is its one-line help), name, type,
//! default, and its [`Setting`] row (kind and range, the `w2v train` flag, whether the page's
//! form shows it, the `<word2vec-demo>` attribute). From that row everything else derives:
//! the struct and its `Default`, validation ([`crate::Config::validate`]), reading and writing a
//! setting by name ([`Named`]), the CLI's flags and help, the browser binding's settings object,
//! and the page's own copy of the table, `www/core/schema.js`, which [`javascript`] writes and a
//! test below keeps current (`W2V_WRITE_SCHEMA=1 cargo test --lib schema` rewrites it).
//!
//! Adding a hyperparameter means one row here, the code that uses it, and its two i18n strings.

use crate::config::{Architecture, Config, Range};
use crate::error::{Error, Result};
use crate::tokenize::TokenizerOptions;

/// What values a setting takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A whole number in the range (a count, a size).
    Whole(Range),
    /// A real number in the range.
    Real(Range),
    /// A whole number, or none (the seed: none draws one from the operating system). The range
    /// is what the page allows (it carries seeds as u32, exact in JSON and links); the core
    /// takes any u64 (`w2v train -seed`), so [`crate::Config::validate`] does not check it.
    WholeOrNone(Range),
    /// On or off.
    Switch,
    /// One of these names (an enum's [`Choice::NAMES`]).
    Choice(&'static [&'static str]),
}

impl Kind {
    /// The range of a numeric kind.
    pub fn range(&self) -> Option<Range> {
        match *self {
            Kind::Whole(r) | Kind::Real(r) | Kind::WholeOrNone(r) => Some(r),
            Kind::Switch | Kind::Choice(_) => None,
        }
    }
}

/// One row of a settings table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setting {
    /// The field's name (errors name it so; the page, links and i18n in camelCase, [`camel_case`]).
    pub name: &'static str,
    pub kind: Kind,
    /// `w2v train`'s flag for it (word2vec.c's name where it has one), if it has its own.
    pub flag: Option<&'static str>,
    /// Whether the page's settings form shows it (the others come with a preset or the own-text
    /// settings).
    pub form: bool,
    /// `<word2vec-demo>`'s attribute for it, if the element takes one.
    pub attribute: Option<&'static str>,
}

impl Setting {
    /// A row of this kind with no flag, not in the form, no attribute; the `settings!` table
    /// fills in the name.
    pub const fn of(kind: Kind) -> Setting {
        Setting {
            name: "",
            kind,
            flag: None,
            form: false,
            attribute: None,
        }
    }

    pub const fn flag(mut self, flag: &'static str) -> Setting {
        self.flag = Some(flag);
        self
    }

    pub const fn form(mut self) -> Setting {
        self.form = true;
        self
    }

    pub const fn attribute(mut self, attribute: &'static str) -> Setting {
        self.attribute = Some(attribute);
        self
    }
}

/// A setting's value, whatever its kind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Number(f64),
    Switch(bool),
    Name(&'a str),
    None,
}

/// An enum a setting chooses among: its values and their names, in the same order.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    const NAMES: &'static [&'static str];

    fn name(self) -> &'static str {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::NAMES[i]
    }

    fn from_name(name: &str) -> Option<Self> {
        let i = Self::NAMES.iter().position(|n| *n == name)?;
        Some(Self::ALL[i])
    }
}

/// A type a setting can have: it becomes a [`Value`] and comes back from one.
pub trait SettingType: Sized {
    fn to_value(&self) -> Value<'static>;
    /// `None` when the value is of the wrong kind (a name for a number, 2.5 for a count).
    fn from_value(v: Value<'_>) -> Option<Self>;
}

impl SettingType for usize {
    fn to_value(&self) -> Value<'static> {
        Value::Number(*self as f64)
    }
    fn from_value(v: Value<'_>) -> Option<usize> {
        match v {
            Value::Number(x) if x >= 0.0 && x.fract() == 0.0 && x <= usize::MAX as f64 => {
                Some(x as usize)
            }
            _ => None,
        }
    }
}

impl SettingType for f64 {
    fn to_value(&self) -> Value<'static> {
        Value::Number(*self)
    }
    fn from_value(v: Value<'_>) -> Option<f64> {
        match v {
            Value::Number(x) => Some(x),
            _ => None,
        }
    }
}

impl SettingType for bool {
    fn to_value(&self) -> Value<'static> {
        Value::Switch(*self)
    }
    fn from_value(v: Value<'_>) -> Option<bool> {
        match v {
            Value::Switch(b) => Some(b),
            _ => None,
        }
    }
}

impl SettingType for Option<u64> {
    fn to_value(&self) -> Value<'static> {
        self.map_or(Value::None, |x| Value::Number(x as f64))
    }
    fn from_value(v: Value<'_>) -> Option<Option<u64>> {
        match v {
            Value::None => Some(None),
            Value::Number(x) if x >= 0.0 && x.fract() == 0.0 && x <= u64::MAX as f64 => {
                Some(Some(x as u64))
            }
            _ => None,
        }
    }
}

impl<T: Choice> SettingType for T {
    fn to_value(&self) -> Value<'static> {
        Value::Name(self.name())
    }
    fn from_value(v: Value<'_>) -> Option<T> {
        match v {
            Value::Name(n) => T::from_name(n),
            _ => None,
        }
    }
}

/// A settings struct read and written by field name.
pub trait Named {
    /// Its table, in the page's order.
    const SETTINGS: &'static [Setting];
    /// Each setting's one-line help (the first line of its doc comment), in the same order.
    /// Apart from the rows, so that code which reads only names and kinds (the browser
    /// binding, in a size-budgeted module) does not carry the words.
    const HELP: &'static [&'static str];
    /// The value of `name`; `None` for a name not in the table.
    fn get(&self, name: &str) -> Option<Value<'static>>;
    /// Set `name`. Refuses (naming the field) a name not in the table or a value of the wrong
    /// kind; ranges are [`crate::Config::validate`]'s to check.
    fn set(&mut self, name: &str, value: Value<'_>) -> Result<()>;
}

/// Declares a settings struct from its table: each row is a field's doc comment (the first line
/// its one-line help), `name: Type = default, row;` with the row a [`Setting`] built from
/// [`Setting::of`]. Writes the struct, its `Default` and its [`Named`] impl.
#[macro_export]
macro_rules! settings {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                #[doc = $help:literal]
                $(#[doc = $doc:literal])*
                $field:ident: $ty:ty = $default:expr, $row:expr;
            )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $(
                #[doc = $help]
                $(#[doc = $doc])*
                pub $field: $ty,
            )*
        }

        impl Default for $name {
            fn default() -> Self {
                $name { $($field: $default,)* }
            }
        }

        impl $crate::schema::Named for $name {
            const SETTINGS: &'static [$crate::schema::Setting] = &[$(
                $crate::schema::Setting { name: stringify!($field), ..$row },
            )*];

            const HELP: &'static [&'static str] = &[$($help,)*];

            fn get(&self, name: &str) -> Option<$crate::schema::Value<'static>> {
                match name {
                    $(stringify!($field) => Some($crate::schema::SettingType::to_value(&self.$field)),)*
                    _ => None,
                }
            }

            fn set(&mut self, name: &str, value: $crate::schema::Value<'_>) -> $crate::error::Result<()> {
                match name {
                    $(stringify!($field) => $crate::schema::assign(&mut self.$field, stringify!($field), value),)*
                    _ => Err($crate::error::Error::UnknownSetting { name: name.to_string() }),
                }
            }
        }
    };
}

/// Set one field from a value, or refuse it (naming the field) if it is of the wrong kind. One
/// copy per type rather than one per field: it is in the size-budgeted wasm module.
#[inline(never)]
pub fn assign<T: SettingType>(field: &mut T, name: &'static str, value: Value<'_>) -> Result<()> {
    *field = T::from_value(value).ok_or_else(|| wrong_kind(name, value))?;
    Ok(())
}

/// The error for a value of the wrong kind for the setting `name`, saying which values it takes.
#[inline(never)]
pub fn wrong_kind(name: &'static str, value: Value<'_>) -> Error {
    let Some(&Setting { kind, .. }) = find(name) else {
        return Error::UnknownSetting {
            name: name.to_string(),
        };
    };
    let wanted = match kind {
        Kind::Whole(_) => "a whole number",
        Kind::Real(_) => "a number",
        Kind::WholeOrNone(_) => "a whole number or nothing",
        Kind::Switch => "true or false",
        Kind::Choice(_) => "one of",
    };
    let mut message = match value {
        Value::Number(x) => format!("{x}"),
        Value::Switch(b) => format!("{b}"),
        Value::Name(n) => format!("'{n}'"),
        Value::None => "nothing".to_string(),
    };
    message.push_str(" is not ");
    message.push_str(wanted);
    if let Kind::Choice(names) = kind {
        for (i, n) in names.iter().enumerate() {
            message.push_str(if i == 0 { " " } else { ", " });
            message.push_str(n);
        }
    }
    Error::config(name, message)
}

/// Every setting: the configuration's, then the tokenizer's.
pub fn all() -> impl Iterator<Item = &'static Setting> {
    Config::SETTINGS.iter().chain(TokenizerOptions::SETTINGS)
}

/// The one-line help of a setting (the CLI's help for its flag; the page has its own words in
/// i18n.js).
pub fn help(setting: &Setting) -> &'static str {
    let rows = Config::SETTINGS.iter().zip(Config::HELP);
    let rows = rows.chain(
        TokenizerOptions::SETTINGS
            .iter()
            .zip(TokenizerOptions::HELP),
    );
    rows.into_iter()
        .find(|(row, _)| row.name == setting.name)
        .map_or("", |(_, help)| help.trim())
}

/// The row of the setting `name`.
pub fn find(name: &str) -> Option<&'static Setting> {
    all().find(|s| s.name == name)
}

/// A field's name as the page has it: `min_count` → `minCount`.
pub fn camel_case(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut upper = false;
    for c in field.chars() {
        if c == '_' {
            upper = true;
        } else {
            out.push(if upper { c.to_ascii_uppercase() } else { c });
            upper = false;
        }
    }
    out
}

/// Everything a run is set by: the configuration and the tokenizer's switches, as the page
/// sends them (one flat object, each setting by its camelCase name).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    pub config: Config,
    pub tokenizer: TokenizerOptions,
}

impl Settings {
    pub fn get(&self, name: &str) -> Option<Value<'static>> {
        self.config.get(name).or_else(|| self.tokenizer.get(name))
    }

    pub fn set(&mut self, name: &str, value: Value<'_>) -> Result<()> {
        if Config::SETTINGS.iter().any(|s| s.name == name) {
            self.config.set(name, value)
        } else {
            self.tokenizer.set(name, value)
        }
    }
}

/// `www/core/schema.js`: the table for the page, and the JSDoc type of its settings object.
pub fn javascript() -> String {
    let mut rows = String::new();
    let mut props = String::new();
    let alphas: Vec<String> = Architecture::ALL
        .iter()
        .map(|&a| format!("{}: {}", a.name(), Config::default_alpha(a)))
        .collect();
    let alphas = alphas.join(", ");
    for s in all() {
        let name = camel_case(s.name);
        let (kind, detail, js_type) = match s.kind {
            Kind::Whole(r) => ("int", range_js(r), "number".to_string()),
            Kind::Real(r) => ("float", range_js(r), "number".to_string()),
            Kind::WholeOrNone(r) => ("int", range_js(r), "number | null".to_string()),
            Kind::Switch => ("flag", String::new(), "boolean".to_string()),
            Kind::Choice(names) => {
                let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
                (
                    "choice",
                    format!(", options: [{}]", quoted.join(", ")),
                    quoted.join(" | "),
                )
            }
        };
        let attribute = s.attribute.map_or("null".to_string(), |a| format!("'{a}'"));
        rows.push_str(&format!(
            "  {{ name: '{name}', kind: '{kind}'{detail}, form: {}, attribute: {attribute} }},\n",
            s.form
        ));
        props.push_str(&format!(" * @property {{{js_type}}} {name}  {}\n", help(s)));
    }
    format!(
        "// Generated from the settings tables of src/config.rs and src/text/tokenize.rs by src/schema.rs\n\
         // (`W2V_WRITE_SCHEMA=1 cargo test --lib schema`); do not edit. Every setting of the page: its\n\
         // name, kind, range or options, whether the form shows it, its <word2vec-demo> attribute. In\n\
         // the form's order; a link's keys follow it. An open end of a range is itself refused.\n\
         \n\
         /**\n\
         \x20* Hyperparameters and tokenizer switches: the object the page sends the worker\n\
         \x20* (src/bindings/wasm/settings.rs). The seed absent or null draws one from the system.\n\
         \x20* @typedef {{object}} Settings\n\
         {props}\x20*/\n\
         \n\
         /** @typedef {{{{min: number, max: number, minOpen: boolean, maxOpen: boolean}}}} Range */\n\
         \n\
         /**\n\
         \x20* One setting. `name` is also a link's key (app/share.js) and the key of its label and\n\
         \x20* one-line help in i18n.js; `form`: whether the settings form shows it (the others come\n\
         \x20* with the preset or the own-text settings); `attribute`: <word2vec-demo>'s, if any.\n\
         \x20* @typedef {{{{name: keyof Settings, form: boolean, attribute: string | null}} & (\n\
         \x20*   {{kind: 'choice', options: readonly string[]}}\n\
         \x20*   | {{kind: 'int' | 'float', range: Range}}\n\
         \x20*   | {{kind: 'flag'}})}} Setting\n\
         \x20*/\n\
         \n\
         /** @type {{readonly Setting[]}} */\n\
         export const SCHEMA = [\n\
         {rows}];\n\
         \n\
         /** The starting learning rate word2vec uses for each architecture (`Config::default_alpha`). */\n\
         export const DEFAULT_ALPHA = {{ {alphas} }};\n"
    )
}

fn range_js(r: Range) -> String {
    format!(
        ", range: {{ min: {}, max: {}, minOpen: {}, maxOpen: {} }}",
        r.min, r.max, r.min_open, r.max_open
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's copy of the table is the one `javascript` writes. Native only: the WebAssembly
    /// run of these tests (`npm test -- --only wasi`) has no file system to read the copy from.
    #[cfg(not(target_family = "wasm"))]
    #[test]
    fn the_pages_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/core/schema.js");
        let written = javascript();
        if std::env::var_os("W2V_WRITE_SCHEMA").is_some() {
            std::fs::write(path, &written).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == written,
            "{path} is out of date: run W2V_WRITE_SCHEMA=1 cargo test --lib schema"
        );
    }

    /// Every setting's default reads back and writes back as itself, under its own name.
    #[test]
    fn every_setting_reads_and_writes_by_name() {
        let d = Settings::default();
        for s in all() {
            let v = d
                .get(s.name)
                .unwrap_or_else(|| panic!("{} unreadable", s.name));
            let mut e = Settings {
                config: Config {
                    seed: Some(3),
                    ..Config::default()
                },
                ..Settings::default()
            };
            e.set(s.name, v).unwrap();
            assert_eq!(e.get(s.name), Some(v), "{}", s.name);
        }
        let mut e = Settings::default();
        let err = e.set("dim", Value::Number(2.5)).unwrap_err().to_string();
        assert!(err.contains("dim") && err.contains("whole number"), "{err}");
        let err = e.set("architecture", Value::Name("glove")).unwrap_err();
        assert!(err.to_string().contains("cbow, skipgram"), "{err}");
        assert!(e.set("size", Value::Number(3.0)).is_err());
    }

    #[test]
    fn names_are_unique_in_every_form() {
        let mut seen = std::collections::HashSet::new();
        for s in all() {
            assert!(seen.insert(camel_case(s.name)), "{}", s.name);
            if let Some(f) = s.flag {
                assert!(seen.insert(format!("-{f}")), "{f}");
            }
            if let Some(a) = s.attribute {
                assert!(seen.insert(format!("@{a}")), "{a}");
            }
        }
        assert_eq!(camel_case("strip_punctuation"), "stripPunctuation");
    }
}
