//! Command-line flags in Google word2vec's style: `-name value`, single dash, every flag takes a
//! value. Each subcommand declares its flags once in a [`FlagSpec`] table, which drives both
//! parsing (unknown flags are errors) and `--help`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::str::FromStr;

/// One flag: name (without the dash), value placeholder, default shown in help, description.
/// (The placeholder and description are built for the flags of settings, from their schema rows.)
#[derive(Clone)]
pub struct FlagSpec {
    pub name: &'static str,
    pub value: Cow<'static, str>,
    pub default: Shown,
    pub help: Cow<'static, str>,
}

/// What `--help` says a flag is when it is not given.
#[derive(Clone)]
pub enum Shown {
    /// Nothing: a required flag, or an option that is simply off.
    Nothing,
    /// Words, where the default is not one value (`random`, `the preset's`).
    Text(&'static str),
    /// The value the command uses, read from where it is defined (`Config::default()`, a
    /// constant), so the help cannot drift from it.
    Of(fn() -> String),
    /// The value itself, read from the default settings when the table was built.
    Value(String),
}

/// Parsed flags and positional arguments of one subcommand.
pub struct Flags {
    values: HashMap<&'static str, String>,
    pub positional: Vec<String>,
}

impl Flags {
    /// Parse `args` against `specs`.
    pub fn parse(args: &[String], specs: &'static [FlagSpec]) -> Result<Flags, String> {
        let mut values = HashMap::new();
        let mut positional = Vec::new();
        let mut i = 0;
        while i < args.len() {
            let arg = &args[i];
            let is_flag = arg.len() > 1
                && arg.starts_with('-')
                && !arg[1..].starts_with(|c: char| c.is_ascii_digit() || c == '.');
            if !is_flag {
                positional.push(arg.clone());
                i += 1;
                continue;
            }
            let name = arg.trim_start_matches('-');
            let spec = specs.iter().find(|s| s.name == name).ok_or_else(|| {
                let known: Vec<String> = specs.iter().map(|s| format!("-{}", s.name)).collect();
                format!("unknown flag '{arg}' (known: {})", known.join(" "))
            })?;
            let value = args
                .get(i + 1)
                .ok_or_else(|| format!("-{} needs a value ({})", spec.name, spec.value))?;
            values.insert(spec.name, value.clone());
            i += 2;
        }
        Ok(Flags { values, positional })
    }

    pub fn has(&self, name: &str) -> bool {
        self.values.contains_key(name)
    }

    pub fn string(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// The value of `-name` parsed as `T`, or `default` when absent.
    pub fn get<T: FromStr>(&self, name: &str, default: T) -> Result<T, String> {
        match self.values.get(name) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| format!("-{name}: '{v}' is not a valid {}", kind::<T>())),
        }
    }

    /// A 0/1 switch.
    pub fn switch(&self, name: &str, default: bool) -> Result<bool, String> {
        match self.get::<u8>(name, default as u8)? {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(format!("-{name}: {v} must be 0 or 1")),
        }
    }

    /// A required string flag.
    pub fn required(&self, name: &str) -> Result<&str, String> {
        self.string(name)
            .ok_or_else(|| format!("-{name} is required"))
    }
}

fn kind<T>() -> &'static str {
    let name = std::any::type_name::<T>();
    if name.starts_with('f') {
        "number"
    } else {
        "whole number"
    }
}

/// Help text for a subcommand.
pub fn help(usage: &str, about: &str, specs: &[FlagSpec]) -> String {
    let mut out = format!("{about}\n\nUsage: {usage}\n\nFlags:\n");
    for s in specs {
        let left = format!("  -{} {}", s.name, s.value);
        let default = match &s.default {
            Shown::Nothing => String::new(),
            Shown::Text(t) => format!(" (default {t})"),
            Shown::Of(f) => format!(" (default {})", f()),
            Shown::Value(v) => format!(" (default {v})"),
        };
        out.push_str(&format!("{left:<24}  {}{default}\n", s.help));
    }
    out
}
