//! Speaker identity: which names denote the same speaker.
//!
//! Two sources of aliases: the user's table (`[speakers]` in
//! `crosscheck.toml`: canonical name to a list of aliases) and the names seen
//! in the corpus (a full name makes its surname and titled forms aliases:
//! "Xi Jinping" answers to "Xi", "President Xi", "Mr. Xi").

use std::collections::BTreeMap;

/// Honorifics and titles that may stand before a name and do not change who
/// is meant.
pub const TITLES: &[&str] = &[
    "president",
    "premier",
    "prime",
    "minister",
    "chancellor",
    "chairman",
    "secretary",
    "general",
    "foreign",
    "deputy",
    "vice",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "madam",
    "senator",
    "governor",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "leader",
    "chief",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "executive",
    "officer",
    "author",
    "researcher",
    "scientist",
    "director",
    "head",
    "state",
    "councillor",
    "councilor",
    "professor",
    "prof",
    "comrade",
    "russian",
    "chinese",
    "u.s.",
    "us",
    "envoy",
    "former",
    "negotiator",
    "delegate",
    "mayor",
    "counterpart",
    "official",
    "representative",
    "commissioner",
    "lawmaker",
    "analyst",
    "economist",
    "coach",
    "judge",
    "captain",
    "manager",
    // Courts and police: "chief prosecutor Ewa Zielinska told reporters".
    "prosecutor",
    "lawyer",
    "attorney",
    "counsel",
    "solicitor",
    "barrister",
    "magistrate",
    "justice",
    "coroner",
    "inspector",
    "superintendent",
    "detective",
    "sergeant",
    "commander",
    "colonel",
    "lieutenant",
    "bishop",
    "archbishop",
    // Science, medicine and the rest of public life: "said lead
    // investigator Dr Halima Traoré", "epidemiologist Ana Ruiz said".
    "investigator",
    "epidemiologist",
    "virologist",
    "physician",
    "doctor",
    "surgeon",
    "cardiologist",
    "oncologist",
    "immunologist",
    "neurologist",
    "psychiatrist",
    "paediatrician",
    "pediatrician",
    "pharmacist",
    "midwife",
    "dentist",
    "historian",
    "chair",
    "chairwoman",
    "chairperson",
    "founder",
    "co-founder",
    "activist",
    "campaigner",
    "editor",
    // Weather, disasters and the people a story meets: "said meteorologist
    // Carla Vint", "firefighter Ben Okoro told reporters", "said resident
    // Maria Lopez".
    "meteorologist",
    "forecaster",
    "climatologist",
    "seismologist",
    "volcanologist",
    "geologist",
    "strategist",
    "pollster",
    "psychologist",
    "nurse",
    "paramedic",
    "firefighter",
    "teacher",
    "farmer",
    "resident",
    "engineer",
    "pilot",
    "owner",
    "trader",
    "investor",
    "volunteer",
    "organiser",
    "organizer",
    "student",
    "witness",
];

/// Role words that make a description a person ("the Russian president").
pub const PERSON_ROLES: &[&str] = &[
    "president",
    "leader",
    "premier",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "adviser",
    "envoy",
    "ambassador",
    "chairman",
    "official",
    "chancellor",
    "governor",
    "mayor",
    "senator",
    "secretary",
    "commissioner",
    "negotiator",
];

/// People named by their work who are seldom the last person named: "the
/// coach", "the prosecutor", "the analyst". Such a description is someone
/// introduced with that word ("Pep Guardiola, the coach,") or no one known;
/// never, as a [`PERSON_ROLES`] description may be, a guess at the last
/// person named (the extractor's rule).
pub(crate) const PERSON_HEADS: &[&str] = &[
    "coach",
    "manager",
    "captain",
    "striker",
    "winger",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "referee",
    "player",
    "judge",
    "prosecutor",
    "lawyer",
    "attorney",
    "economist",
    "analyst",
    "professor",
    "doctor",
    "scientist",
    "founder",
    "owner",
    "boss",
    "executive",
    "commander",
    "investigator",
    "author",
    "researcher",
    "director",
    "chief",
];

/// Institutions named by their people, without an article: "“…,” police
/// said", "“…,” prosecutors told the court" (the police, the prosecution).
/// Who among them spoke is unknown, as for a role. (Anonymous plurals,
/// "officials said", "analysts said", are no speaker at all: see
/// `NOT_SPEAKERS` in `src/extract/quote.rs`.)
pub const GROUPS: &[&str] = &["police", "prosecutors", "investigators", "authorities"];

/// Whether a lowercase word names a person by a role or by their work.
pub fn is_person_role(w: &str) -> bool {
    PERSON_ROLES.contains(&w) || PERSON_HEADS.contains(&w)
}

/// The user's alias table plus the names learned from the corpus.
#[derive(Clone, Debug, Default)]
pub struct SpeakerTable {
    /// lowercase alias -> canonical name.
    aliases: BTreeMap<String, String>,
}

impl SpeakerTable {
    /// A table from `canonical -> aliases` pairs (the `[speakers]` table).
    pub fn from_config(entries: &BTreeMap<String, Vec<String>>) -> Self {
        let mut t = SpeakerTable::default();
        for (canonical, aliases) in entries {
            t.add(canonical, canonical);
            for a in aliases {
                t.add(a, canonical);
            }
        }
        t
    }

    /// Declares `alias` to mean `canonical`.
    pub fn add(&mut self, alias: &str, canonical: &str) {
        self.aliases
            .insert(alias_key(alias), canonical.trim().to_string());
    }

    /// The user-declared canonical form of a name, if any.
    pub fn lookup(&self, name: &str) -> Option<&str> {
        if self.aliases.is_empty() {
            return None;
        }
        self.aliases.get(&alias_key(name)).map(String::as_str)
    }

    /// Canonical name for display: the declared one, else the name itself
    /// with surrounding titles kept as written.
    pub fn canonical(&self, name: &str) -> String {
        self.lookup(name)
            .map(str::to_string)
            .unwrap_or_else(|| name.trim().to_string())
    }

    /// Whether two speaker names denote the same speaker: equal after the
    /// user's table and title stripping, or one is the other's surname or a
    /// tail of it ("Xi" and "Xi Jinping" for Chinese order, "Putin" and
    /// "Vladimir Putin").
    pub fn same(&self, a: &str, b: &str) -> bool {
        a == b || same_key(&self.key(a), &self.key(b))
    }

    /// Whether a speaker is known only by a role the table does not name
    /// anyone by: "minister", "Russian president", "City's coach".
    pub fn is_role(&self, name: &str) -> bool {
        role_only(self.lookup(name).unwrap_or(name))
    }

    /// Whether two speakers are known to be different: not
    /// [`SpeakerTable::same`], and both named or both roles. A role and a
    /// name may be one person ("the minister" and "Piotr Nowak"): what the
    /// sources say does not tell, so they do not differ.
    pub fn differ(&self, a: &str, b: &str) -> bool {
        !self.same(a, b) && self.is_role(a) == self.is_role(b)
    }

    /// What [`SpeakerTable::same`] compares of a name: the tokens of its
    /// canonical form. For comparing one name with many ([`same_key`]).
    pub fn key(&self, name: &str) -> Vec<String> {
        // Surrounding space splits away.
        let name = self.lookup(name).unwrap_or(name);
        if role_only(name) {
            return role_tokens(name);
        }
        let mut key = name_tokens(name);
        // A body keeps its country: "the Chinese Foreign Ministry" is not
        // the Russian one, though "Chinese President Xi" is Xi.
        let body = key.iter().any(|t| BODY_WORDS.contains(&t.as_str()));
        if body {
            key = tokens_where(name, |t| {
                !TITLES.contains(&t) || DEMONYMS.iter().any(|&(_, d)| d == t)
            });
        }
        // A possessor is a place or a body, not a word of the name:
        // "China's Foreign Ministry" is the "Chinese Foreign Ministry". A
        // country's name becomes its adjective, so that Russia's ministry
        // is not China's; any other possessor is dropped.
        if key.iter().any(|t| !t.ends_with("'s")) {
            key = key
                .into_iter()
                .filter_map(|t| match t.strip_suffix("'s") {
                    None => Some(t),
                    Some(place) => demonym(place).map(str::to_string),
                })
                .collect();
        }
        key
    }
}

/// The words of a body's name ("Foreign Ministry", "the embassy"), whose
/// country adjective stays in its key.
const BODY_WORDS: &[&str] = &[
    "ministry",
    "embassy",
    "government",
    "parliament",
    "council",
    "office",
    "agency",
    "commission",
    "mission",
    "administration",
    "cabinet",
    "military",
    "army",
    "media",
    "bank",
];

/// The adjective of a country news names often, by its name (lowercase):
/// "russia" is "russian".
fn demonym(country: &str) -> Option<&'static str> {
    DEMONYMS
        .iter()
        .find(|(c, _)| *c == country)
        .map(|&(_, d)| d)
}

/// Countries and their adjectives ([`demonym`]).
const DEMONYMS: &[(&str, &str)] = &[
    ("america", "american"),
    ("australia", "australian"),
    ("belarus", "belarusian"),
    ("brazil", "brazilian"),
    ("britain", "british"),
    ("canada", "canadian"),
    ("china", "chinese"),
    ("egypt", "egyptian"),
    ("france", "french"),
    ("germany", "german"),
    ("india", "indian"),
    ("indonesia", "indonesian"),
    ("iran", "iranian"),
    ("iraq", "iraqi"),
    ("israel", "israeli"),
    ("italy", "italian"),
    ("japan", "japanese"),
    ("kazakhstan", "kazakh"),
    ("korea", "korean"),
    ("mexico", "mexican"),
    ("nigeria", "nigerian"),
    ("pakistan", "pakistani"),
    ("poland", "polish"),
    ("qatar", "qatari"),
    ("russia", "russian"),
    ("spain", "spanish"),
    ("syria", "syrian"),
    ("taiwan", "taiwanese"),
    ("turkey", "turkish"),
    ("ukraine", "ukrainian"),
    ("vietnam", "vietnamese"),
];

/// [`SpeakerTable::same`] of two names' [`SpeakerTable::key`]s.
pub fn same_key(ta: &[String], tb: &[String]) -> bool {
    // Equal keys, two empty ones included.
    if ta == tb {
        return true;
    }
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    let (short, long) = if ta.len() <= tb.len() {
        (ta, tb)
    } else {
        (tb, ta)
    };
    if short.len() == long.len() {
        return false;
    }
    // Every token of the short form appears in the long one, and the
    // short form holds the long one's first or last token (a surname in
    // either name order).
    short.iter().all(|t| long.contains(t))
        && (short.contains(&long[0]) || short.contains(&long[long.len() - 1]))
}

/// The key a name is declared and looked up by: its [`name_tokens`], or
/// a role's words ("the Russian president" is not "the Chinese
/// president", though both are titles alone).
pub(crate) fn alias_key(name: &str) -> String {
    if role_only(name) {
        role_tokens(name).join(" ")
    } else {
        name_tokens(name).join(" ")
    }
}

/// Whether a speaker is named by a role alone: its last word is a
/// person's role ("minister", "the Russian president", "Putin's
/// spokesman") or a group of people ("police", "Russian officials"); no
/// name ends with one.
pub fn role_only(name: &str) -> bool {
    let mut words = name.split_whitespace().rev();
    let Some(last) = words.next().map(crate::text::trim_marks) else {
        return false;
    };
    let role = crate::text::with_lowercase(last, |w| is_person_role(w) || GROUPS.contains(&w));
    // A capitalised role word may end a name ("Paul Judge"): a role only
    // after titles and countries ("Russian President", "the Deputy Chief").
    role && (last.starts_with(|c: char| c.is_lowercase())
        || words.all(|w| {
            crate::text::with_lowercase(crate::text::trim_marks(w), |w| {
                TITLES.contains(&w)
                    || w == "the"
                    || is_person_role(w)
                    || DEMONYMS.iter().any(|&(_, d)| d == w)
            })
        }))
}

/// A role's lowercase words, the article dropped, titles kept; a
/// possessing country as its adjective ("China's foreign minister" is the
/// "Chinese foreign minister").
fn role_tokens(name: &str) -> Vec<String> {
    tokens_where(name, |t| !matches!(t, "a" | "an"))
        .into_iter()
        .map(|t| match t.strip_suffix("'s") {
            Some(place) => demonym(place).map_or(t.clone(), str::to_string),
            None => t,
        })
        .collect()
}

/// Lowercase name tokens with titles, articles and punctuation removed.
pub fn name_tokens(name: &str) -> Vec<String> {
    tokens_where(name, |t| !TITLES.contains(&t))
}

/// The lowercase tokens of a name, punctuation and "the" removed, that
/// `keep` keeps.
fn tokens_where(name: &str, keep: impl Fn(&str) -> bool) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| {
            let t = crate::text::trim_marks(t);
            if t.is_ascii() {
                t.to_ascii_lowercase()
            } else {
                without_accents(&t.replace('’', "'").to_lowercase())
            }
        })
        .filter(|t| !t.is_empty() && t != "the" && keep(t))
        .collect()
}

/// A lowercase word with its letters' accents taken off: "beneš" is
/// "benes", "łukasz" "lukasz". Outlets spell a name with its accents or
/// without ("Tomáš Beneš", "Tomas Benes"): one person.
fn without_accents(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(word.len());
    for c in word.nfd().filter(|&c| !is_combining_mark(c)) {
        match c {
            'ł' => out.push('l'),
            'ø' => out.push('o'),
            'đ' => out.push('d'),
            'ı' => out.push('i'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_and_titles_match_full_names() {
        let t = SpeakerTable::default();
        assert!(t.same("Xi", "Xi Jinping"));
        // With its accents or without, one name.
        assert!(t.same("Tomáš Beneš", "Tomas Benes"));
        assert!(t.same("Beneš", "Tomas Benes"));
        assert!(t.same("Łukasz Søndergaard", "Lukasz Sondergaard"));
        assert!(!t.same("Tomáš Beneš", "Tomas Benda"));
        assert!(t.same("President Xi", "Xi Jinping"));
        assert!(t.same("Mr. Putin", "Vladimir Putin"));
        assert!(!t.same("Xi Jinping", "Vladimir Putin"));
        assert!(
            !t.same("Jinping Li", "Xi Jinping"),
            "shared given name alone is not identity"
        );
    }

    #[test]
    fn a_possessor_is_no_word_of_the_name() {
        let t = SpeakerTable::default();
        assert!(t.same("China's Foreign Ministry", "Chinese Foreign Ministry"));
        assert!(t.same("China’s Foreign Ministry", "Foreign Ministry"));
        assert!(t.same("Italy's Marco Ricci", "Marco Ricci"));
        // A country's possessor is its adjective: two countries' bodies
        // are two bodies.
        assert!(!t.same("Russia's Foreign Ministry", "China's Foreign Ministry"));
        // "Russian" and "Chinese" are titles of people, dropped as in
        // "Russian President", but a body keeps its country.
        assert!(!t.same("Russia's Foreign Ministry", "Chinese Foreign Ministry"));
        assert!(!t.same("the Chinese embassy", "the Russian embassy"));
        assert!(t.same("Chinese President Xi Jinping", "Xi Jinping"));
        assert!(!t.same("Russia's Foreign Ministry", "Italian Foreign Ministry"));
        assert!(t.same("Russia's Foreign Ministry", "Russian Foreign Ministry"));
        assert!(t.same("Ukraine’s Foreign Ministry", "the foreign ministry"));
        assert!(!t.same("Italy's Marco Ricci", "Anna Ricci Bruni"));
        // A name of possessives only keeps them.
        assert!(!t.same("Xi's", "Putin's"));
    }

    #[test]
    fn a_role_is_not_a_name_nor_any_other_role() {
        let t = SpeakerTable::default();
        assert!(t.is_role("minister") && t.is_role("the Russian president"));
        assert!(t.is_role("Putin's spokesman") && t.is_role("City coach"));
        assert!(!t.is_role("Piotr Nowak") && !t.is_role("Foreign Ministry"));
        // A role may be anyone named: not the same, not different.
        assert!(!t.same("minister", "Piotr Nowak"));
        assert!(!t.differ("minister", "Piotr Nowak"));
        assert!(!t.differ("the coach", "Pep Guardiola"));
        assert!(t.is_role("police") && !t.differ("police", "Scotland Yard"));
        // A surname that is a role word is a name; a capitalised role after
        // titles is not.
        assert!(!t.is_role("Paul Judge") && t.differ("Paul Judge", "Xi Jinping"));
        assert!(t.is_role("Russian President") && t.is_role("the Deputy Chief"));
        assert!(t.is_role("French President") && !t.differ("French President", "Emmanuel Macron"));
        // Titles alone are no longer one empty name.
        assert!(t.differ("Russian president", "Chinese president"));
        assert!(t.differ("minister", "spokesman"));
        assert!(t.same("the Russian president", "Russian President"));
        assert!(t.same("president", "Russian president"));
        assert!(t.same("China's foreign minister", "Chinese foreign minister"));
        assert!(t.differ("Xi Jinping", "Vladimir Putin"));
    }

    #[test]
    fn a_declared_role_names_only_its_own_speaker() {
        let mut m = BTreeMap::new();
        m.insert(
            "Vladimir Putin".to_string(),
            vec!["the Russian president".to_string()],
        );
        let t = SpeakerTable::from_config(&m);
        assert_eq!(t.lookup("the Russian president"), Some("Vladimir Putin"));
        // Not every description of titles alone.
        assert_eq!(t.lookup("the Chinese president"), None);
        assert_eq!(t.lookup("minister"), None);
        // Declared, the role is a name: it differs from another's.
        assert!(!t.is_role("Russian president"));
        assert!(t.differ("the Russian president", "Xi Jinping"));
    }

    #[test]
    fn user_table_joins_unrelated_forms() {
        let mut m = BTreeMap::new();
        m.insert(
            "Vladimir Putin".to_string(),
            vec![
                "the Russian president".to_string(),
                "the Kremlin chief".to_string(),
            ],
        );
        let t = SpeakerTable::from_config(&m);
        assert!(t.same("the Kremlin chief", "Putin"));
        assert_eq!(t.canonical("the Kremlin chief"), "Vladimir Putin");
    }
}
