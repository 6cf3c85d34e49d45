//! Settings across the boundary: everything the page can set, as one flat object.
//!
//! The object's keys and values are the schema's (`crate::schema`): each setting under its
//! camelCase name (`minCount`), numbers as numbers, switches as booleans, choices as their names
//! (`skipgram`, `negative`, `mean`), the seed a number or none (a random one). The JSDoc type is
//! `www/core/schema.js`, generated from the same tables. Written over the schema rather than
//! derived field by field, so a new setting needs no change here; a key left out keeps its
//! default (settings saved before `threads` or `chinese` existed still load), an unknown key is
//! ignored, a value of the wrong kind is refused with the setting's name.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::schema::{self, camel_case, Kind, Value};

pub use crate::schema::Settings;

impl Serialize for Settings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for row in schema::all() {
            let key = camel_case(row.name);
            match self.get(row.name) {
                Some(Value::Number(x)) => map.serialize_entry(&key, &x)?,
                Some(Value::Switch(on)) => map.serialize_entry(&key, &on)?,
                Some(Value::Name(name)) => map.serialize_entry(&key, name)?,
                // As serde writes an `Option`'s `None` (undefined, as it always crossed).
                Some(Value::None) | None => map.serialize_entry(&key, &None::<f64>)?,
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Settings {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Settings, D::Error> {
        d.deserialize_map(SettingsVisitor)
    }
}

struct SettingsVisitor;

impl<'de> Visitor<'de> for SettingsVisitor {
    type Value = Settings;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of settings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Settings, A::Error> {
        let mut settings = Settings::default();
        while let Some(key) = map.next_key::<String>()? {
            let Some(row) = schema::all().find(|row| camel_case(row.name) == key) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            // Each value read as its kind wants it (a number where a name belongs is serde's
            // error, which names the key).
            let name;
            let value = match row.kind {
                Kind::Whole(_) | Kind::Real(_) => Value::Number(map.next_value()?),
                Kind::WholeOrNone(_) => map
                    .next_value::<Option<f64>>()?
                    .map_or(Value::None, Value::Number),
                Kind::Switch => Value::Switch(map.next_value()?),
                Kind::Choice(_) => {
                    name = map.next_value::<String>()?;
                    Value::Name(&name)
                }
            };
            settings
                .set(row.name, value)
                .map_err(|e| de::Error::custom(e.to_string()))?;
        }
        Ok(settings)
    }
}
