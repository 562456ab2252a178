//! Figure extraction, case by case from issue #4 and domain.md.

use super::*;
use crate::extract::Modality;
use crate::text::Shared;
use proptest::prelude::*;

fn figs(text: &str, date: Option<&str>) -> Vec<Figure> {
    let fm = date
        .map(|d| format!("---\ndate: {d}\n---\n"))
        .unwrap_or_default();
    let (doc, _) = Document::from_text("t", "t.md", &format!("{fm}{text}\n"));
    extract_figures(&doc)
}

fn dated(text: &str) -> Vec<Figure> {
    figs(text, Some("2023-03-21"))
}

fn one(text: &str) -> Figure {
    let f = dated(text);
    assert_eq!(f.len(), 1, "{text}: {f:#?}");
    f.into_iter().next().unwrap()
}

fn vu(text: &str) -> (f64, String) {
    let f = one(text);
    (f.value, f.unit.to_string())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn all_finite(fs: &[Figure]) -> bool {
    fs.iter()
        .all(|f| f.value.is_finite() && f.low.is_finite() && f.high.is_finite() && f.low <= f.high)
}

// ------------------------------------------------------------- numbers

#[test]
fn digits_separators_decimals() {
    assert_eq!(vu("The border is 4,200 km long."), (4200.0, "km".into()));
    assert_eq!(vu("The border is 4 200 km long."), (4200.0, "km".into()));
    assert_eq!(
        vu("The border is 4\u{a0}200 km long."),
        (4200.0, "km".into())
    );
    assert_eq!(vu("Its share is 33.7% now."), (33.7, "percent".into()));
    assert_eq!(
        vu("Output was 1,234,567.5 tonnes."),
        (1_234_567.5, "tonnes".into())
    );
}

#[test]
fn signs_give_negative_and_positive_values() {
    let f = dated("The fund lost -5% and gained +3.2 percent; GDP fell by −1.5%.");
    let v: Vec<f64> = f.iter().map(|f| f.value).collect();
    assert_eq!(v, vec![-5.0, 3.2, -1.5]);
    assert_eq!(&*f[0].text, "-5%");
    assert!(all_finite(&f));
    // A hyphen inside a code or range is not a sign.
    assert!(dated("COVID-19 spread.").is_empty());
    assert_eq!(one("They signed 30-40 deals.").value, 35.0);
}

#[test]
fn magnitudes_and_suffixes() {
    for t in [
        "Trade reached 185 billion USD.",
        "Trade reached $185 billion.",
        "Trade reached US$185bn.",
        "Trade reached 185B dollars.",
        "Trade reached $185B.",
        "Trade reached USD 185 bn.",
        "Trade reached 185 bln dollars.",
    ] {
        assert_eq!(vu(t), (185e9, "USD".into()), "{t}");
    }
    assert_eq!(vu("Trade reached $240bn."), (240e9, "USD".into()));
    assert_eq!(vu("The deal is worth $1.2m."), (1.2e6, "USD".into()));
    assert_eq!(vu("The deal is worth $1.2 mn."), (1.2e6, "USD".into()));
    assert_eq!(vu("Reserves are $3.1tn."), (3.1e12, "USD".into()));
    assert_eq!(vu("Reserves are $3.1 trillion."), (3.1e12, "USD".into()));
    assert_eq!(vu("The fund holds $250k."), (250e3, "USD".into()));
    assert_eq!(vu("The fund holds $250 thousand."), (250e3, "USD".into()));
    assert_eq!(vu("The fund holds $2M."), (2e6, "USD".into()));
}

#[test]
fn number_words() {
    assert_eq!(vu("They have met forty times."), (40.0, "count".into()));
    assert_eq!(vu("They have met forty-two times."), (42.0, "count".into()));
    assert_eq!(vu("Ten ministers attended."), (10.0, "count".into()));
    assert_eq!(vu("A dozen ministers attended."), (12.0, "count".into()));
    assert_eq!(vu("Half of the gas goes east."), (50.0, "percent".into()));
    let f = one("A third of the trade is in yuan.");
    assert!(close(f.value, 100.0 / 3.0) && f.unit == "percent");
    assert_eq!(
        vu("Twice as many ships crossed the border."),
        (2.0, "times".into())
    );
    assert_eq!(vu("Trade has doubled."), (2.0, "times".into()));
    assert_eq!(vu("Trade grew threefold."), (3.0, "times".into()));
    assert_eq!(vu("Trade grew 3-fold."), (3.0, "times".into()));
    assert_eq!(vu("Trade is 1.5 times larger."), (1.5, "times".into()));
    assert_eq!(vu("The talks lasted a decade."), (10.0, "years".into()));
    assert_eq!(
        vu("Exports hit forty billion dollars."),
        (40e9, "USD".into())
    );
    // Not fractions or figures: ordinals, periods, loose words.
    for t in [
        "It was his first trip since securing a third term.",
        "In the second half of 2023 the talks resumed.",
        "Half the delegation left.",
        "Over the past decade, ties grew.",
        "A decade ago they met.",
        "The two leaders met.",
        "One official said so.",
    ] {
        assert!(dated(t).is_empty(), "{t}: {:#?}", dated(t));
    }
}

// --------------------------------------------------------- currencies

#[test]
fn currencies_to_iso_codes() {
    for (t, code) in [
        ("Trade was 185 billion dollars.", "USD"),
        ("Trade was US$185 billion.", "USD"),
        ("Trade was 300 billion yuan.", "CNY"),
        ("Trade was CNY 300 billion.", "CNY"),
        ("Trade was 300 billion RMB.", "CNY"),
        ("Trade was 300 billion renminbi.", "CNY"),
        ("Trade was ¥300 billion.", "CNY"),
        ("Trade was 2.5 trillion rubles.", "RUB"),
        ("Trade was 2.5 trillion roubles.", "RUB"),
        ("Trade was RUB 2.5 trillion.", "RUB"),
        ("Trade was €3 billion.", "EUR"),
        ("Trade was 3 billion euros.", "EUR"),
        ("Trade was EUR 3bn.", "EUR"),
        ("Profit fell to 2.1 trillion yen.", "JPY"),
        // "¥" is the yen in a text about Japan, else the yuan.
        ("Toyota, of Japan, made ¥2.1 trillion.", "JPY"),
        ("Exports to Japan rose. Trade was ¥300 billion.", "JPY"),
        ("Trade with Japanese firms was ¥300 billion.", "JPY"),
        ("The yuan fell; trade was ¥300 billion.", "CNY"),
        // Dollars other than the US's, and the other currencies news
        // prices in, each its own: "C$5 billion" is no "$5 billion".
        ("Canada will spend C$5 billion.", "CAD"),
        ("Canada will spend 5 billion Canadian dollars.", "CAD"),
        ("Qantas made A$1.4 billion.", "AUD"),
        ("Hong Kong spent HK$30 billion.", "HKD"),
        ("Brazil raised R$20 billion.", "BRL"),
        ("Taiwan spent NT$9 billion.", "TWD"),
        ("Samsung earned ₩10 trillion.", "KRW"),
        ("Turkey paid 5 billion lira.", "TRY"),
        ("Volvo earned SEK 12 billion.", "SEK"),
        ("Volvo earned 12 billion kronor.", "SEK"),
        ("The SNB bought CHF 5.1 billion of currency.", "CHF"),
        (
            "The SNB bought 5.1 billion Swiss francs of currency.",
            "CHF",
        ),
        ("Senegal borrowed 300 billion CFA francs.", "XOF"),
        ("Canada will spend C$5 billion (US$3.7 billion).", "USD"),
    ] {
        let units: Vec<&str> = dated(t).iter().map(|f| f.unit).collect();
        assert_eq!(units.last(), Some(&code), "{t}");
    }
    assert!(dated("It costs $ and more.").is_empty());
    // Names that are currencies too, capitalised: no sums.
    assert!(dated("The 1998 Lira report was read, and a 2019 Rand study.").is_empty());
}

// -------------------------------------------------------------- units

#[test]
fn units_and_aliases() {
    for t in [
        "The border is 4,200 km long.",
        "The border is 4,200 kilometers long.",
        "The border is 4,200 kilometres long.",
        "They share a 4,200-kilometer border.",
        "They share a 4,200-kilometre border.",
        "They share a 4,200-km border.",
    ] {
        assert_eq!(vu(t), (4200.0, "km".into()), "{t}");
    }
    // Lengths of time: months in years; weeks, hours and minutes in days.
    for (t, v, u) in [
        ("He was jailed for 18 months.", 1.5, "years"),
        ("He was jailed for three months.", 0.25, "years"),
        ("The strike lasted two weeks.", 14.0, "days"),
        ("A two-week strike began on Monday.", 14.0, "days"),
        ("The jury deliberated for 11 hours.", 11.0 / 24.0, "days"),
        ("Talks lasted 45 minutes.", 0.75 / 24.0, "days"),
        ("Workers will strike for 48 hours.", 2.0, "days"),
        ("The ban runs for 90 days.", 90.0, "days"),
    ] {
        let (value, unit) = vu(t);
        assert!(close(value, v) && unit == u, "{t}: {value} {unit}");
    }
    // A time, not a length: when something happened, a period of another
    // figure, an age.
    for t in [
        "Three days after the attack, police arrested him.",
        "Twelve hours later he was freed.",
        "He left two weeks ago.",
        "Over the next six months, the plant will be rebuilt.",
        "In the past two years, the plant was rebuilt.",
        "The 10-month-old baby was unhurt.",
        "Nothing happened in the first two months of this year.",
    ] {
        assert!(dated(t).is_empty(), "{t}: {:?}", dated(t));
    }
    // Rain and snow in millimetres, lengths of things in metres.
    for (t, v, u) in [
        ("The province received 310 mm of rain.", 310.0, "mm"),
        (
            "Some areas recorded 310 millimetres of rainfall.",
            310.0,
            "mm",
        ),
        ("Snow lay 31 centimetres deep.", 310.0, "mm"),
        ("It rained 2 inches.", 50.8, "mm"),
        ("A 300-metre bridge was built.", 300.0, "m"),
        ("The tower is 1.8 meters wide.", 1.8, "m"),
        ("The firm earned $5m.", 5e6, "USD"),
    ] {
        let f = one(t);
        assert!((f.value - v).abs() < 1e-9 && f.unit == u, "{t}: {f:?}");
    }
    // Rainfall is rain.
    let f = one("Some areas recorded 310 millimetres of rainfall.");
    assert!(f.subject.terms.contains(&"rain".into()), "{:?}", f.subject);
    let f = one("They share a 4,200-kilometer border.");
    assert_eq!(&*f.text, "4,200-kilometer");
    assert!(f.subject.terms.contains(&"border".into()));
    for t in [
        "The pipe carries 38 bcm of gas.",
        "The pipe carries 38 billion cubic meters of gas.",
        "The pipe carries 38 billion cubic metres of gas.",
        "The pipe carries 38 billion m³ of gas.",
        "The pipe carries 38 billion m3 of gas.",
    ] {
        assert_eq!(vu(t), (38e9, "m3".into()), "{t}");
    }
    // A rate is a unit of its own: barrels a day are not barrels.
    for t in [
        "Exports were 2 million barrels a day.",
        "Exports were 2 million barrels per day.",
        "Exports were 2 million barrels of oil per day.",
        "Exports were 2 million barrels daily.",
        "Exports were 2 million bpd.",
        "Exports were 2 million b/d.",
        "Exports were 2mn bbl/d.",
    ] {
        assert_eq!(vu(t), (2e6, "barrels/day".into()), "{t}");
    }
    assert_eq!(
        vu("Storage held 2 million barrels in May."),
        (2e6, "barrels".into())
    );
    // A unit word runs to a word's end.
    assert_eq!(
        vu("Exports were 2 million bpdx units."),
        (2e6, "count".into())
    );
    assert_eq!(vu("Russia shipped 100 tonnes."), (100.0, "tonnes".into()));
    assert_eq!(vu("Russia shipped 100 tons."), (100.0, "tonnes".into()));
    for t in [
        "It rose 26%.",
        "It rose 26 percent.",
        "It rose 26 per cent.",
    ] {
        assert_eq!(vu(t), (26.0, "percent".into()), "{t}");
    }
    assert_eq!(
        vu("It rose 3 percentage points."),
        (3.0, "percentage-points".into())
    );
}

#[test]
fn counts_of_things() {
    let f = one("Putin and Xi have met 40 times.");
    assert_eq!((f.value, f.unit), (40.0, "count"));
    assert!(f.subject.terms.contains(&"meet".into()), "{:?}", f.subject);
    assert!(!f.subject.terms.contains(&"time".into()));
    let f = dated("They signed 10 cooperation documents and 14 agreements.");
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].value, f[0].unit), (10.0, "count"));
    assert_eq!((f[1].value, f[1].unit), (14.0, "count"));
    assert!(f[1].subject.terms.contains(&"agreement".into()));
    assert!(
        !f[1].subject.terms.contains(&"document".into()),
        "another figure's noun is not this one's subject: {:?}",
        f[1].subject
    );
}

#[test]
fn a_share_after_and_is_of_its_own_whole() {
    let f = dated("The pass rate held steady at 97.1%, and 9.3% of entries were awarded an A*.");
    assert!(
        !f[1].subject.terms.iter().any(|t| t.starts_with("pass")),
        "{:?}",
        f[1].subject
    );
    // "Of it" is the whole before.
    let f = dated("Trade rose 26% and 40% of it was in yuan.");
    assert!(
        f[1].subject.terms.iter().any(|t| &**t == "trade"),
        "{:?}",
        f[1].subject
    );
}

#[test]
fn ages_are_no_figures_and_a_deal_is_a_contract() {
    for t in [
        "The 24-year-old has joined the club.",
        "A 7-year old boy was hurt.",
        "The regime is 40 years old.",
        "In total, UK 18-year-olds had a place.",
    ] {
        assert!(dated(t).is_empty(), "{t}");
    }
    let (a, b) = (
        one("The 24-year-old has signed a five-year contract."),
        one("He has agreed a six-year deal."),
    );
    assert_eq!(
        (a.value, a.unit, b.value, b.unit),
        (5.0, "years", 6.0, "years")
    );
    assert_eq!(a.subject.terms, b.subject.terms);
    // An age set off by commas after a name is no number of the name
    // ("Nord Stream 2"): Moreira, 22, is Moreira.
    let (a, b) = (
        one("Moreira, 22, scored 19 goals in the league last season."),
        one("Moreira scored 21 goals in the league last season."),
    );
    assert_eq!(a.subject.terms, b.subject.terms);
    assert!(
        a.subject.name_numbers.is_empty(),
        "{:?}",
        a.subject.name_numbers
    );
}

#[test]
fn each_figure_of_a_list_of_names_is_its_name_s() {
    let f = dated("Of the three, SAIC faces the highest rate, 37.6%, BYD 17.4% and Geely 20%.");
    assert_eq!(f.len(), 3);
    let names = |k: usize| {
        f[k].subject
            .names
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(0), ["saic"]);
    assert_eq!(names(1), ["byd"], "{:?}", f[1].subject);
    assert_eq!(names(2), ["geeli"], "{:?}", f[2].subject);
    // With no name between them, a change and the level it reached share
    // their subject.
    let f = dated("Trade rose 26% to $240 billion in 2023.");
    assert!(
        f[1].subject.terms.contains(&"trade".into()),
        "{:?}",
        f[1].subject
    );
    let f = dated("Trade reached $240 billion last year, beating the $200 billion goal.");
    assert!(
        f[1].subject.terms.contains(&"trade".into()),
        "{:?}",
        f[1].subject
    );
    // A noun after "and", then "of" or a verb of a level, starts a subject
    // of its own; a verb after "and" goes on with the first.
    for t in [
        "Forecasts show inflation averaging 2.4% next year and growth of just 1.1%.",
        "Inflation was 2.4% in 2022 and GDP growth stood at 1.1%.",
    ] {
        let f = dated(t);
        let terms = &f[1].subject.terms;
        assert!(
            terms.contains(&"growth".into()) && !terms.contains(&"inflat".into()),
            "{t}: {:?}",
            f[1].subject
        );
    }
    // Figures whose spans overlap (found by the property test): no panic.
    assert_eq!(dated("a dozen about“185%“ tonnes").len(), 2);
    let f = dated("The pipeline cost $55 billion and carries 38 bcm a year.");
    assert!(
        f[1].subject.terms.contains(&"pipelin".into()),
        "{:?}",
        f[1].subject
    );
}

#[test]
fn not_figures() {
    for t in [
        "In 2023 the leaders met.",
        "On March 21, 2023, the leaders met.",
        "They met on 21 March 2023 in Moscow.",
        "It was the 21st meeting and the 3rd this year.",
        "The talks began at 10:30 and ended at 4 p.m.",
        "By John Smith, 45, in Moscow.",
        "Call +7 495 123 4567 or 555-1234 for details.",
        "The G20 met; flight A380 landed.",
        "The 2022-23 season ended.",
        "Article 5 applies.",
    ] {
        assert!(dated(t).is_empty(), "{t}: {:#?}", dated(t));
    }
    // List numbers are block markers, not text.
    assert!(dated("1. First point\n2. Second point").is_empty());
}

// ---------------------------------------------------------- qualifiers

#[test]
fn qualifier_phrases() {
    for (t, q) in [
        ("They met about 40 times.", Qualifier::About),
        ("They met around 40 times.", Qualifier::About),
        ("They met some 40 times.", Qualifier::About),
        ("They met roughly 40 times.", Qualifier::About),
        ("They met approximately 40 times.", Qualifier::About),
        ("They met over 40 times.", Qualifier::Over),
        ("They met more than 40 times.", Qualifier::Over),
        ("Trade was above $40 billion.", Qualifier::Over),
        ("Trade was exceeding $40 billion.", Qualifier::Over),
        ("They met under 40 times.", Qualifier::Under),
        ("They met less than 40 times.", Qualifier::Under),
        ("They met fewer than 40 times.", Qualifier::Under),
        ("Trade was below $40 billion.", Qualifier::Under),
        ("They met at least 40 times.", Qualifier::AtLeast),
        ("Trade was up to $40 billion.", Qualifier::AtMost),
        ("Trade was at most $40 billion.", Qualifier::AtMost),
        ("They met no more than 40 times.", Qualifier::AtMost),
        ("They met nearly 40 times.", Qualifier::Nearly),
        ("They met almost 40 times.", Qualifier::Nearly),
        ("Trade was close to $40 billion.", Qualifier::Nearly),
        ("Trade was just under $40 billion.", Qualifier::Nearly),
        ("Trade was between $30 and $40 billion.", Qualifier::Range),
        ("Trade was $30-40 billion.", Qualifier::Range),
        ("Trade was 30 to 40 billion dollars.", Qualifier::Range),
        ("They met 40 times.", Qualifier::Exact),
    ] {
        assert_eq!(one(t).qualifier, q, "{t}");
    }
}

#[test]
fn qualifier_words_are_in_the_span() {
    assert_eq!(
        &*one("They have met more than 40 times.").text,
        "more than 40 times"
    );
    assert_eq!(
        &*one("Trade was about $185 billion.").text,
        "about $185 billion"
    );
    let f = one("Trade was between 30 and 40 billion dollars.");
    assert_eq!(&*f.text, "between 30 and 40 billion dollars");
    assert_eq!((f.low, f.high), (29.5e9, 40.5e9));
}

#[test]
fn intervals_overlap_as_the_domain_requires() {
    let about = one("They have met about 40 times.");
    let over = one("They have met over 40 times.");
    assert!(about.low <= over.high && over.low <= about.high);
    let a = one("Trade reached $185 billion.");
    let b = one("Trade reached $240 billion.");
    assert!(a.high < b.low);
    assert_eq!((b.low, b.high), (239.5e9, 240.5e9));
}

#[test]
fn record_is_an_attribute() {
    let f = one("Trade hit a record $240 billion.");
    assert_eq!(f.qualifier, Qualifier::Exact);
    assert_eq!(&f.attributes[..], ["record"]);
    let f = one("Trade reached $185 billion, a record.");
    assert_eq!(&f.attributes[..], ["record"]);
}

// ------------------------------------------------------------- periods

#[test]
fn periods() {
    let p = |t: &str| one(t).period.map(|p| p.label);
    assert_eq!(
        p("Trade reached $190 billion in 2022.").as_deref(),
        Some("2022")
    );
    assert_eq!(
        p("Trade was $20 billion in March 2023.").as_deref(),
        Some("2023-03")
    );
    assert_eq!(
        p("Trade was $2 billion on March 21, 2023.").as_deref(),
        Some("2023-03-21")
    );
    assert_eq!(
        p("Trade was $50 billion in the first quarter of 2023.").as_deref(),
        Some("2023-01/2023-03")
    );
    assert_eq!(
        p("Trade rose to $30 billion in the first two months of this year.").as_deref(),
        Some("2023-01/2023-02")
    );
    assert_eq!(
        p("Trade reached $185 billion last year.").as_deref(),
        Some("2022")
    );
    assert_eq!(
        p("Trade may reach $200 billion this year.").as_deref(),
        Some("2023")
    );
    assert_eq!(
        p("Trade rose 30% since 2010.").as_deref(),
        Some("2010/2023")
    );
    assert_eq!(
        p("They set a goal of $200 billion by 2024.").as_deref(),
        Some("2024")
    );
    assert_eq!(
        p("They met about 40 times over the past decade.").as_deref(),
        Some("2013/2023")
    );
    assert_eq!(
        p("In 2022, trade reached $190 billion.").as_deref(),
        Some("2022")
    );
    assert_eq!(
        p("Last year, trade came to roughly $190 billion.").as_deref(),
        Some("2022")
    );
    // No period stated: none, and no note.
    let f = one("The border is 4,200 km long.");
    assert_eq!((f.period, f.period_note), (None, None));
    // A period in another clause is not the figure's.
    let f = one("They will sign 14 documents, including a plan until 2030.");
    assert_eq!(f.period, None);
}

#[test]
fn relative_period_in_undated_source_is_a_note() {
    let f = figs("Trade reached $240 billion last year.", None);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].period, None);
    assert_eq!(
        f[0].period_note.as_deref(),
        Some("\"last year\" unresolved: source has no date")
    );
    // Explicit years need no date.
    let f = figs("Trade reached $240 billion in 2023.", None);
    assert_eq!(f[0].period.as_ref().map(|p| &*p.label), Some("2023"));
}

#[test]
fn a_period_after_from_and_a_number_is_that_numbers() {
    let labels = |t: &str| -> Vec<(String, Option<String>)> {
        dated(t)
            .into_iter()
            .map(|f| (f.text.to_string(), f.period.map(|p| p.label.to_string())))
            .collect()
    };
    let pair = |a: &str, pa: Option<&str>, b: &str, pb: Option<&str>| {
        vec![
            (a.to_string(), pa.map(str::to_string)),
            (b.to_string(), pb.map(str::to_string)),
        ]
    };
    assert_eq!(
        labels("Turnout rose to 71.4% from 66.8% in 2022."),
        pair("71.4%", None, "66.8%", Some("2022"))
    );
    assert_eq!(
        labels("Trade rose to $190 billion in 2022 from $147 billion in 2021."),
        pair("$190 billion", Some("2022"), "$147 billion", Some("2021"))
    );
    // With no number after "from", the period is the figure's.
    assert_eq!(
        labels("Exports rose 26% from a year earlier to $240 billion in 2023."),
        pair("26%", Some("2023"), "$240 billion", Some("2023"))
    );
    // "N years ago" is a year, and its words are no subject.
    let f = one("Four years ago it was 66.8 percent.");
    assert_eq!(
        f.period.map(|p| p.label.to_string()).as_deref(),
        Some("2019")
    );
    assert_eq!(&*f.subject.text, "");
}

#[test]
fn a_part_of_a_whole_is_counted_by_the_wholes_noun() {
    let f2 = dated("The Social Alliance secured 34.6 percent, giving it 79 of the 200 seats.");
    assert_eq!(f2.len(), 2, "{f2:#?}");
    let f = &f2[1];
    assert_eq!(
        (f.value, f.unit, &*f.text),
        (79.0, "count", "79 of the 200 seats")
    );
    assert_eq!(f.subject.head.as_deref(), Some("seat"));
    assert_eq!(one("The party won 79 of 200 seats.").value, 79.0);
    assert_eq!(one("Rescuers reached 12 of its 15 reactors.").value, 12.0);
    // Not a whole: a unit, a year, a determiner past one.
    assert_eq!(dated("Trade was 40% of the 200 billion dollars.").len(), 2);
    assert_eq!(dated("They signed 14 of 2023 agreements.").len(), 0);
    // In words too; not "one of the two sides".
    let f = one("Seven of the nine members voted to hold rates.");
    assert_eq!((f.value, &*f.text), (7.0, "Seven of the nine members"));
    assert_eq!(f.attributes[..], ["part"]);
    assert!(dated("One of the two sides said three officials attended.").is_empty());
    // Parts of one whole are one subject only when what they did agrees:
    // seven who voted to hold against two who voted for a cut is no
    // conflict; seven against 7 in digits is one.
    let w = crate::compare::TermWeights::default();
    let cut = one("Two of the nine members voted for a cut.");
    let digits = one("7 of the 9 members voted to hold rates.");
    assert!(!crate::compare::same_subject(&f, &cut, &w));
    assert!(crate::compare::same_subject(&f, &digits, &w));
    // A part against a count that is no part: the usual rules.
    assert!(crate::compare::same_subject(
        &one("The party won 79 seats."),
        &one("The party won 79 of the 200 seats."),
        &w
    ));
}

// ------------------------------------------------------------ modality

#[test]
fn modality() {
    for (t, m) in [
        ("They set a goal of $200 billion by 2024.", Modality::Target),
        ("They aim to raise trade to $200 billion.", Modality::Target),
        ("The target is $250 billion.", Modality::Target),
        ("They plan to reach $250 billion.", Modality::Target),
        ("They seek to reach $250 billion.", Modality::Target),
        (
            "Trade is expected to reach $250 billion.",
            Modality::Forecast,
        ),
        (
            "Trade is projected to hit $250 billion.",
            Modality::Forecast,
        ),
        ("Analysts forecast $250 billion.", Modality::Forecast),
        ("Trade will reach $250 billion.", Modality::Forecast),
        ("Trade could reach $250 billion.", Modality::Forecast),
        ("Trade reached $240 billion in 2023.", Modality::Actual),
        // What a figure counts is no cue.
        ("Brandão scored 31 goals last season.", Modality::Actual),
        ("They set a goal of 40 goals.", Modality::Target),
        (
            "They expect trade of $300 billion by 2030.",
            Modality::Forecast,
        ),
        (
            "The plan foresees trade of $300 billion.",
            Modality::Forecast,
        ),
        ("Analysts' estimates of $1.3 billion.", Modality::Forecast),
        // A clause of fact after the cue: "after", "while", "but", ...
        (
            "It raised its forecast after profit jumped 16% in Italy.",
            Modality::Actual,
        ),
        (
            "Sales are expected to grow, but profit fell 4% in Italy.",
            Modality::Actual,
        ),
        (
            "Trade is expected to reach as much as $250 billion.",
            Modality::Forecast,
        ),
        (
            "Emissions are on course to reach 38.1bn tonnes.",
            Modality::Forecast,
        ),
        ("Emissions are set to rise 0.4 percent.", Modality::Forecast),
        // Guidance and an outlook are what a company expects.
        (
            "It raised its full-year guidance for operating margin to 11%.",
            Modality::Forecast,
        ),
        (
            "The outlook is for growth of 2% next year.",
            Modality::Forecast,
        ),
        // The figure a clause after it expects.
        (
            "Profit beat the €2.9 billion analysts had forecast.",
            Modality::Forecast,
        ),
        (
            "Growth topped the 3% economists expected.",
            Modality::Forecast,
        ),
        // A figure compared with what was expected happened.
        ("Sales reached €8 billion as expected.", Modality::Actual),
        (
            "Profit was €3 billion, more than analysts had expected.",
            Modality::Actual,
        ),
        (
            "Revenue was €5.1 billion, more than expected.",
            Modality::Actual,
        ),
        ("Revenue grew 4%, as forecast.", Modality::Actual),
        (
            "Sales were higher than forecast at €8 billion.",
            Modality::Actual,
        ),
        // Compared with a target or forecast, the figure happened.
        ("Output was 3% below target.", Modality::Actual),
        ("Profit of $3 billion beat forecasts.", Modality::Actual),
        // Before the figure, the goal it is.
        (
            "That beat the target of $200bn set for 2024.",
            Modality::Target,
        ),
        ("Sales of $5 billion missed the target.", Modality::Actual),
        (
            "The bank aims to keep inflation below 2%.",
            Modality::Target,
        ),
    ] {
        assert_eq!(one(t).modality, m, "{t}");
    }
}

#[test]
fn a_clause_after_a_conjunction_keeps_its_own_period_and_subject() {
    let f = dated(
        "Nordvik raised its full-year revenue forecast to €59 billion after third-quarter net profit jumped 16%.",
    );
    assert_eq!(f.len(), 2, "{f:#?}");
    let label = |f: &Figure| f.period.as_ref().map(|p| p.label.to_string());
    // Dated 2023-03-21: the full year is 2022's, and a forecast's is the
    // next one not ended; the third quarter is the profit's, not the
    // forecast's.
    assert_eq!(label(&f[0]).as_deref(), Some("2023"));
    assert_eq!(f[0].modality, Modality::Forecast);
    assert_eq!(label(&f[1]).as_deref(), Some("2022-07/2022-09"));
    assert_eq!(f[1].modality, Modality::Actual);
    assert_eq!(&*f[1].subject.text, "third-quarter net profit");
    let f = one("Full-year profit rose 10%.");
    assert_eq!(label(&f).as_deref(), Some("2022"));
}

#[test]
fn a_percentage_says_whether_it_is_a_share_a_rise_or_a_fall() {
    let kind = |t: &str| one(t).attributes.iter().copied().find(|a| *a != "record");
    for (t, want) in [
        ("Russia-China trade rose 26% in 2022.", Some("rise")),
        ("Trade grew by 26.3% in 2022.", Some("rise")),
        ("Trade was up 4% in 2022.", Some("rise")),
        ("Trade fell 5% in the first quarter.", Some("fall")),
        ("Exports dropped by 3 percent.", Some("fall")),
        // Any form of the verb, and cutting jobs.
        ("Veltrix is cutting 12,000 jobs.", Some("fall")),
        ("Veltrix will lay off 10,000 employees.", Some("fall")),
        ("The plant shed 300 workers.", Some("fall")),
        ("Prices are rising 4% a year.", Some("rise")),
        (
            "Oil made up 40% of Russia-China trade in 2022.",
            Some("share"),
        ),
        (
            "More than 90 percent of our trade is settled in rubles.",
            Some("share"),
        ),
        (
            "The yuan's share of trade reached 90% in 2022.",
            Some("share"),
        ),
        ("China accounted for 30% of Russia's trade.", Some("share")),
        // Won, as votes are.
        ("The Freedom Bloc won 15.1 percent.", Some("share")),
        ("The Social Alliance secured 34.6 percent.", Some("share")),
        ("The National Union came second with 27.5%.", Some("share")),
        (
            "The National Union finished with 27.1 percent.",
            Some("share"),
        ),
        ("Inflation ended the year with 5%.", None),
        // "Raise" and "hike" as verbs and nouns.
        ("They will raise the levy by 1.5%.", Some("rise")),
        ("A pay raise of 5% was agreed.", Some("rise")),
        ("The bank will hike rates by 0.5%.", Some("rise")),
        // "A further" and "another" between the change and its size.
        (
            "Opec+ agreed to cut production by a further 1.1 million bpd.",
            Some("fall"),
        ),
        (
            "They will reduce exports by another 300,000 bpd.",
            Some("fall"),
        ),
        ("Prices rose by an additional 2%.", Some("rise")),
        ("They signed another 14 agreements.", None),
        // How far one thing stands from another: a gap, no level.
        ("The party was 12 seats short of a majority.", Some("gap")),
        ("City finished 10 points behind the champions.", Some("gap")),
        ("Rovers are 3 points clear of the drop zone.", Some("gap")),
        (
            "Labour is 5 percentage points ahead of the Tories.",
            Some("gap"),
        ),
        ("The bill fell 20 votes shy of passing.", Some("gap")),
        ("The appeal raised $2 million, short of its goal.", None),
        ("There were 200 people behind the barricades.", None),
        ("They sold 2 million tickets ahead of the final.", None),
        ("The line cost $5 billion ahead of schedule.", None),
        ("Ice was 1.2 million sq km below the average.", Some("gap")),
        // A temperature above or below another is a rise or a fall, as
        // when it is higher, warmer or has warmed by it.
        (
            "The anomaly was 1.5C above the 1850-1900 average.",
            Some("rise"),
        ),
        ("Temperatures were 1.48C warmer than before.", Some("rise")),
        (
            "Global temperatures were 1.47C higher in 2025.",
            Some("rise"),
        ),
        ("The world has warmed by 1.3C since 1900.", Some("rise")),
        ("The night was 3F colder than the average.", Some("fall")),
        ("Temperatures hit 42.6C on Sunday.", None),
        ("Prices were 5% above the level of 2023.", Some("rise")),
        ("Output was 3% below target.", Some("fall")),
        // A level after "to" is none of them.
        ("Unemployment fell to 3.1% in 2022.", None),
        ("Inflation was 7.4% in 2022.", None),
    ] {
        assert_eq!(kind(t), want, "{t}");
    }
}

#[test]
fn a_decimal_point_does_not_end_the_modality_window() {
    let f = dated("Emissions are on course to rise 1.1 percent in 2023 to 38.1bn tonnes.");
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(f.iter().all(|f| f.modality == Modality::Forecast), "{f:#?}");
}

#[test]
fn a_change_a_coordination_left_its_verb_out_of_is_still_a_change() {
    let f = dated(
        "Chinese emissions will rise 0.4%, Indian emissions by 4.6% and American emissions by 1.9%.",
    );
    let kinds: Vec<Vec<&str>> = f.iter().map(|f| f.attributes.to_vec()).collect();
    assert_eq!(kinds, [["rise"], ["rise"], ["rise"]]);
    let f = dated("EU emissions fell 3.8% and those of Japan by 2%.");
    assert_eq!(f[1].attributes[..], ["fall"]);
    // No change before: no kind.
    let f = one("Output was driven by 5% of firms.");
    assert!(
        !f.attributes.iter().any(|a| ["rise", "fall"].contains(a)),
        "{f:?}"
    );
}

#[test]
fn a_change_of_any_unit_is_a_rise_or_a_fall() {
    let kind = |t: &str| one(t).attributes.iter().copied().find(|a| *a != "record");
    for (t, want) in [
        (
            "Oil export revenues rose by $1.5 billion in May.",
            Some("rise"),
        ),
        (
            "Prices have dropped by nearly $10 since April.",
            Some("fall"),
        ),
        ("Output was down 200,000 barrels.", Some("fall")),
        ("Trade posted a $12 billion increase in 2022.", Some("rise")),
        ("Trade posted a 5% increase in 2022.", Some("rise")),
        ("The ministry reported a drop of $10 billion.", Some("fall")),
        ("There was an increase of 5% in trade.", Some("rise")),
        // Levels.
        ("Oil export revenues rose to $15.3 billion in May.", None),
        ("Oil export revenues were $15.3 billion in May.", None),
        // A verb after the figure is not its kind.
        ("Exports of $5 billion fell short of the plan.", None),
        ("The firm paid $5 million up front.", None),
    ] {
        assert_eq!(kind(t), want, "{t}");
    }
}

#[test]
fn a_figure_says_what_it_is_counted_per() {
    let basis = |t: &str| {
        one(t)
            .attributes
            .iter()
            .copied()
            .find(|a| crate::extract::attribute::BASES.contains(a))
    };
    for (t, want) in [
        (
            "Russia's GDP per capita was $14,000 in 2023.",
            Some("per-head"),
        ),
        ("Output was $14,000 per head in 2023.", Some("per-head")),
        (
            "The average monthly wage was 9,000 yuan.",
            Some("per-month"),
        ),
        ("Rent is $900 a month.", Some("per-month")),
        (
            "Prices rose 0.6% month on month in March.",
            Some("per-month"),
        ),
        ("Prices rose 0.6% m/m in March.", Some("per-month")),
        // When, not per what.
        ("Inflation was 3.4% a month earlier.", None),
        ("Sales were $40 million a quarter ago.", None),
        (
            "GDP grew 0.3% quarter-on-quarter in 2023.",
            Some("per-quarter"),
        ),
        (
            "GDP grew at an annualised rate of 1.2% in 2023.",
            Some("annualised"),
        ),
        (
            "Urals crude averaged $63 a barrel in 2023.",
            Some("per-barrel"),
        ),
        ("Coal sold for $120 per tonne in 2023.", Some("per-tonne")),
        ("Petrol cost $3 a gallon in 2023.", Some("per-unit")),
        ("The firm earned $2 a share in 2023.", Some("per-share")),
        ("They weighed a $38-a-share offer.", Some("per-share")),
        ("Its $38-per-share bid was rejected.", Some("per-share")),
        ("The vaccine costs about $3 a dose.", Some("per-unit")),
        // A year is the basis when none is said.
        ("Prices rose 3.2% year on year in March.", None),
        ("The pipe carries 38 bcm a year.", None),
        ("The average annual wage was 120,000 yuan.", None),
        ("Russia's GDP was $2 trillion in 2023.", None),
        // A noun that only starts so.
        ("Trade was $5 billion a headline figure.", None),
    ] {
        assert_eq!(basis(t), want, "{t}");
    }
}

#[test]
fn a_change_and_the_level_it_reached_are_not_a_range() {
    let got = |t: &str| -> Vec<(f64, Qualifier, Vec<&'static str>, Option<String>)> {
        dated(t)
            .into_iter()
            .map(|f| {
                let period = f.period.as_ref().map(|p| p.label.to_string());
                (f.value, f.qualifier, f.attributes.to_vec(), period)
            })
            .collect()
    };
    let (bn, ex) = (1e9, Qualifier::Exact);
    assert_eq!(
        got("Oil export revenues rose by $1.5 billion to $15.3 billion in 2022."),
        [
            (1.5 * bn, ex, vec!["rise"], Some("2022".into())),
            (15.3 * bn, ex, vec![], Some("2022".into()))
        ]
    );
    // The level a change started from: its own period when written beside
    // it, else marked as earlier (it is not the period of the sentence).
    assert_eq!(
        got("Trade rose from $147 billion in 2021 to $190 billion in 2022."),
        [
            (147.0 * bn, ex, vec![], Some("2021".into())),
            (190.0 * bn, ex, vec![], Some("2022".into()))
        ]
    );
    assert_eq!(
        got("Trade rose from about $147 billion to $190 billion in 2022."),
        [
            (
                147.0 * bn,
                Qualifier::About,
                vec!["earlier"],
                Some("2022".into())
            ),
            (190.0 * bn, ex, vec![], Some("2022".into()))
        ]
    );
    assert_eq!(
        got("Inflation was 8.3% in May 2022, up from 7.8% in April 2022."),
        [
            (8.3, ex, vec![], Some("2022-05".into())),
            (7.8, ex, vec![], Some("2022-04".into()))
        ]
    );
    assert_eq!(
        got("Revenues were $15.3 billion in 2022, up from $13.8 billion.")[1].2,
        ["earlier"]
    );
    // The level reached's period between the two; a month counted back.
    assert_eq!(
        got("Annual inflation eased to 2.9 percent in October 2022 from 3.4 percent.")[1].2,
        ["earlier"]
    );
    assert_eq!(
        got(
            "Annual inflation eased to 2.9 percent in October 2022 from 3.4 percent a month earlier."
        ),
        [
            (2.9, ex, vec![], Some("2022-10".into())),
            (3.4, ex, vec![], Some("2022-09".into()))
        ]
    );
    // The change's verb further back in the clause: "from X to Y" is the
    // level before and the level reached, not a range; the second takes
    // the first's unit, even as a small word.
    let level_and_earlier = |t: &str, unit: &str| {
        let f = dated(t);
        assert_eq!(f.len(), 2, "{t}: {f:#?}");
        assert_eq!(f[0].attributes.to_vec(), ["earlier"], "{t}");
        assert!(f[1].attributes.is_empty(), "{t}");
        assert!(f.iter().all(|f| f.unit == unit && f.qualifier == ex), "{t}");
        (f[0].value, f[1].value)
    };
    assert_eq!(
        level_and_earlier("The bank cut its rate from 4% to 3.75%.", "percent"),
        (4.0, 3.75)
    );
    assert_eq!(
        level_and_earlier(
            "The bank cut its key interest rate sharply, from 4% to 3.75%.",
            "percent"
        ),
        (4.0, 3.75)
    );
    assert_eq!(
        level_and_earlier(
            "An appeals court cut the prison sentence of former minister Karel Dvorak from eight years to four.",
            "years"
        ),
        (8.0, 4.0)
    );
    assert_eq!(
        level_and_earlier(
            "The firm cut its workforce from 12,000 workers to 9,000.",
            "count"
        ),
        (12000.0, 9000.0)
    );
    // The period beside the level before is its own, not the level
    // reached's after "to"; a change's period stays the level's.
    let periods = |t: &str| -> Vec<Option<String>> {
        dated(t)
            .iter()
            .map(|f| f.period.as_ref().map(|p| p.label.to_string()))
            .collect()
    };
    assert_eq!(
        periods("Turnout rose from 61% in 2022 to 64%."),
        [Some("2022".to_string()), None]
    );
    assert_eq!(
        periods("Exports rose from 3 million tonnes in 2021 to 4 million tonnes."),
        [Some("2021".to_string()), None]
    );
    assert_eq!(
        periods("Sales fell 3% in 2021 to $4 billion."),
        [Some("2021".to_string()), Some("2021".to_string())]
    );
    // Not past another clause, nor a clause's opening word.
    let f = dated("Imports rose as companies bought from 12 countries.");
    assert!(f[0].attributes.is_empty());
    // Ranges stay ranges.
    for t in [
        "Trade is expected to grow by 2 to 3 percent in 2023.",
        "Estimates range from $30 billion to $40 billion.",
        "Trade was 30 to 40 billion dollars.",
        "Prices rose, with estimates ranging from $30 billion to $40 billion.",
    ] {
        assert_eq!(one(t).qualifier, Qualifier::Range, "{t}");
    }
}

/// Each sentence's one figure has the value (to a millionth) and unit.
fn values_and_units(cases: &[(&str, f64, &str)]) {
    for &(t, value, unit) in cases {
        let f = one(t);
        assert_eq!(f.unit, unit, "{t}");
        assert!((f.value - value).abs() <= 1e-6 * value, "{t}: {}", f.value);
    }
}

#[test]
fn areas_are_square_kilometres_or_as_written() {
    values_and_units(&[
        ("Ice covered 9.1 million square kilometres.", 9.1e6, "km2"),
        ("Ice covered 9.3 million km² in 2025.", 9.3e6, "km2"),
        ("The forest lost 1.2 million sq km.", 1.2e6, "km2"),
        ("The zone covers 500 km2.", 500.0, "km2"),
        ("The fire burned 4,000 hectares.", 40.0, "km2"),
        ("The park covers 1,200 square miles.", 1200.0, "mi2"),
        ("The farm has 300 acres.", 300.0, "acres"),
    ]);
    // "Square" and "sq" are no subject terms.
    let a = one("Arctic sea ice covered 9.1 million square kilometres.");
    assert!(
        !a.subject.terms.iter().any(|t| t.starts_with("squar")),
        "{:?}",
        a.subject.terms
    );
}

#[test]
fn speeds_and_weights_are_units() {
    values_and_units(&[
        ("The wind was gusting to 45 knots.", 45.0, "knots"),
        ("Gusts reached 120 km/h on the coast.", 120.0, "km/h"),
        ("Gusts reached 110 kilometres an hour.", 110.0, "km/h"),
        ("Winds of 70 miles per hour hit the coast.", 70.0, "mph"),
        ("Winds of 70mph hit the coast.", 70.0, "mph"),
        ("The train reached 120kph.", 120.0, "km/h"),
        // Lengths glued on, as speeds are.
        ("The road runs 5km.", 5.0, "km"),
        ("It brought 310mm of rain.", 310.0, "mm"),
        // Weights, in kilograms.
        ("The device weighs 239 grams.", 0.239, "kg"),
        ("It weighs 241g.", 0.241, "kg"),
        ("A bag of 20kg.", 20.0, "kg"),
        ("It holds 1.5 kilograms.", 1.5, "kg"),
    ]);
    // "Fold" as a name is no ratio; "threefold" and "3-fold" are.
    assert!(dated("Analysts expect it to sell about 2 million Fold One units.").is_empty());
    assert_eq!(vu("Trade grew 3-fold."), (3.0, "times".into()));
    // A length is no speed; letters glued past the unit make a code.
    assert_eq!(vu("It ran 200 kilometres."), (200.0, "km".into()));
    assert!(dated("Model 70mphx went on sale.").is_empty());
}

#[test]
fn the_period_after_a_gap_is_the_other_things() {
    let f = dated("That is 1.2 million sq km below the 1981-2010 average.");
    assert_eq!(f[0].attributes[..], [attribute::GAP]);
    assert!(f[0].period.is_none(), "{f:#?}");
    // Before the gap, the period is its own.
    let f = dated("In 2022, City finished 10 points behind the champions.");
    assert_eq!(f[0].period.as_ref().map(|p| &*p.label), Some("2022"));
    // So for a temperature above another (a rise).
    let f = dated("It was 1.5C above the 1850-1900 average.");
    assert!(f[0].period.is_none(), "{f:#?}");
    let f = dated("In 2024 it was 1.6C above the 1850-1900 average.");
    assert_eq!(f[0].period.as_ref().map(|p| &*p.label), Some("2024"));
    // Concentrations in parts per million or billion; "from 2024" after a
    // number and its unit is what a change is measured against.
    let f = dated("CO2 reached 425 parts per million, up 2.3 ppm from 2024.");
    assert_eq!((f[0].unit, f[1].unit), ("ppm", "ppm"));
    assert!(f[1].period.is_none(), "{f:#?}");
    assert_eq!(one("Methane reached 1,930 ppb.").unit, "ppb");
}

#[test]
fn a_range_may_write_its_unit_after_both_ends() {
    for (t, text, low, high) in [
        (
            "It sees a margin of between 11% and 11.5% this year.",
            "between 11% and 11.5%",
            11.0,
            11.5,
        ),
        (
            "The margin was 10.5% to 11% in 2025.",
            "10.5% to 11%",
            10.5,
            11.0,
        ),
        ("Prices rose 10%-12% in 2023.", "10%-12%", 10.0, 12.0),
        ("Prices were 10%–12% higher.", "10%–12%", 10.0, 12.0),
        (
            "Rates of 4.5 percent to 5 percent.",
            "4.5 percent to 5 percent",
            4.5,
            5.0,
        ),
    ] {
        let f = dated(t);
        assert_eq!(f.len(), 1, "{t}: {f:#?}");
        assert_eq!(f[0].qualifier, Qualifier::Range, "{t}");
        assert_eq!(&*f[0].text, text, "{t}");
        assert!(f[0].low <= low && f[0].high >= high, "{t}: {f:#?}");
        assert_eq!(f[0].value, (low + high) / 2.0, "{t}");
    }
    // A change and the level it reached, each with its unit; two units.
    for t in [
        "Unemployment rose 0.2% to 4.5%.",
        "The bank cut rates by 0.25% to 4%.",
        "Inflation rose from 2% to 3% in 2022.",
        "Between 40% and 60 people came.",
    ] {
        let f = dated(t);
        assert_eq!(f.len(), 2, "{t}: {f:#?}");
        assert!(f.iter().all(|f| f.qualifier != Qualifier::Range), "{t}");
    }
}

#[test]
fn a_number_compared_with_the_previous_figure_takes_its_unit() {
    let f = figs(
        "EV exports to the EU reached 437,000 vehicles last year, according to the Rhodium Group, up from 11,000 in 2019.",
        Some("2024-07-05"),
    );
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!((f[1].value, f[1].unit), (11_000.0, "count"));
    assert_eq!(f[1].period.as_ref().map(|p| &*p.label), Some("2019"));
    assert_eq!(&*f[1].text, "11,000");
    // Its subject is the first figure's, not the agency before it.
    assert_eq!(f[1].subject, f[0].subject);
    for (t, v, u) in [
        (
            "Sales hit $5 billion, compared with 3 billion a year earlier.",
            3e9,
            "USD",
        ),
        (
            "Output was 12 million tonnes against 9.5 million in 2022.",
            9.5e6,
            "tonnes",
        ),
    ] {
        let f = dated(t);
        assert_eq!(f.len(), 2, "{t}: {f:#?}");
        assert_eq!((f[1].value, f[1].unit), (v, u), "{t}");
    }
    // A bare number, a year, a number word and a percentage's magnitude
    // carry nothing.
    for t in [
        "Exports reached 437,000 vehicles, up from 2019.",
        "Sales hit $5 billion, up from 3 a year earlier.",
        "Turnout rose 5% from 3 million.",
        "They signed 14 agreements, up from eight.",
    ] {
        assert_eq!(dated(t).len(), 1, "{t}: {:#?}", dated(t));
    }
}

#[test]
fn people_counted_by_what_befell_them() {
    let head = |t: &str| one(t).subject.head.map(|h| h.to_string());
    let kill = Some("kill".to_string());
    for t in [
        "At least 62 people were killed in the quake.",
        "The quake left 62 dead.",
        "The quake killed 62 people.",
        "The death toll rose to at least 62 on Tuesday.",
        "The number of dead climbed to 64.",
    ] {
        let f = one(t);
        assert_eq!(f.unit, "count", "{t}");
        assert_eq!(head(t), kill, "{t}: {:?}", f.subject);
    }
    // What befell them in another clause is not theirs.
    for t in [
        "Drones killed at least 19 people and injured 64.",
        "At least 62 people were killed and 300 injured.",
    ] {
        let first = dated(t).remove(0).subject.head.map(|h| h.to_string());
        assert_eq!(first, kill, "{t}");
    }
    // A bare number right after what befell them.
    assert_eq!(vu("The quake killed 62."), (62.0, "count".into()));
    assert_eq!(head("The quake killed 62."), kill);
    let both = dated("Drones killed 19 people and injured 64.");
    assert_eq!(both[1].value, 64.0);
    assert_eq!(both[1].subject.head.as_deref(), Some("injur"));
    // So in a participle clause, past qualifier words.
    let both =
        dated("The quake struck, killing at least 1,200 people and injuring more than 3,500.");
    assert_eq!((both.len(), both[1].value), (2, 3500.0));
    assert_eq!(both[1].subject.head.as_deref(), Some("injur"));
    // Not a length of time after them.
    assert!(dated("She was injured 2 weeks ago.").is_empty());
    assert_eq!(
        &*one("The quake left more than 300 injured.").text,
        "more than 300 injured"
    );
    assert_eq!(
        head("Some 120 people are still missing."),
        Some("miss".into())
    );
    // An adverb is not what befell them.
    assert_eq!(
        head("It left 46 people seriously injured."),
        Some("injur".into())
    );
    assert_eq!(
        head("The number of visitors reached 1,200."),
        Some("visitor".into())
    );
    // A number glued to the word after it, a year and a number word too
    // small to count are no count of the dead; nor is a number the clause
    // does not lead to ("the toll, officials said, 62").
    for t in [
        "The death toll was the highest since 2011.",
        "The death toll rose to three.",
    ] {
        assert!(dated(t).is_empty(), "{t}: {:#?}", dated(t));
    }
    // The number glued to "magnitude" is the quake's magnitude.
    let f = one("The number of dead from the 7.6-magnitude earthquake is unknown.");
    assert_eq!((f.value, f.unit), (7.6, "magnitude"));
    // "Monday" is no name, and "7" of "7.6" no name number.
    let f = dated("The number of dead from Monday's 7.6-magnitude quake climbed to 64.");
    let f = f.iter().find(|f| f.unit == "count").unwrap();
    assert!(f.subject.names.is_empty(), "{:?}", f.subject);
    assert!(f.subject.name_numbers.is_empty(), "{:?}", f.subject);
}

#[test]
fn a_level_then_the_level_it_came_from() {
    let got = |t: &str| {
        figs(t, Some("2024-06-06"))
            .into_iter()
            .map(|f| (f.value, f.qualifier, f.attributes.to_vec()))
            .collect::<Vec<_>>()
    };
    let ex = Qualifier::Exact;
    // "to X from Y": Y is the level before.
    assert_eq!(
        got("The ECB lowered its deposit rate to 3.75% from a record 4%."),
        [(3.75, ex, vec![]), (4.0, ex, vec!["record", "earlier"])]
    );
    // A year before "to" is no range's end.
    assert_eq!(
        got("The ECB raised its inflation forecast for 2024 to 2.5% from 2.3%."),
        [(2.5, ex, vec![]), (2.3, ex, vec!["earlier"])]
    );
    // A cut and a hike are changes.
    assert_eq!(
        got("The ECB cut its deposit rate by 25 basis points.")[0].2,
        ["fall"]
    );
    assert_eq!(
        got("The Fed hiked rates by 75 basis points.")[0].2,
        ["rise"]
    );
    // A range stays one.
    assert_eq!(got("It sees 2,000 to 3,000 troops.")[0].1, Qualifier::Range);
    // The earlier level named before its number.
    for t in [
        "The bank expects growth of 6.8%, up from an earlier forecast of 6.5%.",
        "Inflation was 2.1%, down from its peak of 6.5%.",
        "Unemployment rose to 4.4% from a low of 6.5%.",
    ] {
        assert_eq!(got(t)[1].2.last(), Some(&"earlier"), "{t}");
    }
}

#[test]
fn a_rate_of_growth_is_a_rise_and_of_the_economy_growth() {
    let one_fig = |t: &str| {
        let f = figs(t, Some("2024-02-01"));
        assert_eq!(f.len(), 1, "{t}");
        f.into_iter().next().unwrap()
    };
    // However growth is said, it is a rise of "growth" (the economy's when
    // nothing else grows).
    for t in [
        "China's economy grew 5.2% in 2023.",
        "China's economy expanded by 5.2% in 2023.",
        "China's growth was 5.2% in 2023.",
        "China recorded growth of 5.2% in 2023.",
        "China's GDP growth reached 5.2% in 2023.",
        "China's 2023 growth rate of 5.2% beat forecasts.",
        "The IMF raised its growth forecast for China to 5.2%.",
        "Wage growth slowed to 5.2% in May.",
    ] {
        let f = one_fig(t);
        assert_eq!(f.attributes.first(), Some(&"rise"), "{t}");
        assert!(f.subject.terms.iter().any(|x| &**x == "growth"), "{t}");
    }
    // A contraction of the economy is negative growth.
    let f = one_fig("The economy shrank 2% in 2023.");
    assert!(f.subject.terms.iter().any(|x| &**x == "growth"));
    // Not exports that grew, nor a level whose clause does not name
    // growth, nor the level growth came down from.
    let f = one_fig("China's exports grew 8% in 2023.");
    assert!(!f.subject.terms.iter().any(|x| &**x == "growth"));
    let f = one_fig("Despite slow growth last year, unemployment fell to 4%.");
    assert!(f.attributes.is_empty(), "{:?}", f.attributes);
    let f = figs("Growth slowed to 4.8% from 5.2%.", Some("2024-02-01"));
    assert_eq!(f[0].attributes.to_vec(), ["rise"]);
    assert_eq!(f[1].attributes.to_vec(), ["earlier"]);
}

#[test]
fn two_thirds_and_three_quarters_of_a_whole() {
    for (t, v) in [
        (
            "Two-thirds of Russia's oil exports went to Asia in 2023.",
            200.0 / 3.0,
        ),
        (
            "Two thirds of Russia's oil exports went to Asia in 2023.",
            200.0 / 3.0,
        ),
        (
            "Three quarters of the trade was settled in rubles in 2023.",
            75.0,
        ),
        (
            "Three-quarters of the trade was settled in rubles in 2023.",
            75.0,
        ),
    ] {
        let f = one(t);
        assert!(close(f.value, v) && f.unit == "percent", "{t}: {f:?}");
        assert_eq!(&f.attributes[..], ["share"], "{t}");
    }
    // Not a fraction without "of"; a number word is still a number.
    assert!(dated("Two thirds voted yes.").is_empty());
    assert_eq!(vu("Two hundred ships crossed."), (200.0, "count".into()));
}

#[test]
fn rubles_by_symbol_and_abbreviation() {
    for t in [
        "Net profit was Rbs 629bn in 2023.",
        "Net profit was Rbs. 629bn in 2023.",
        "Net profit was Rb629bn in 2023.",
        "Net profit was ₽629bn in 2023.",
        "Net profit was RUB 629bn in 2023.",
        "Net profit was 629 billion rubles in 2023.",
    ] {
        assert_eq!(vu(t), (629e9, "RUB".into()), "{t}");
    }
}

#[test]
fn basis_points_rupees_lakhs_and_crores() {
    // A basis point is a hundredth of a percentage point.
    for t in [
        "The bank raised rates by 50 basis points.",
        "The bank raised rates by 50 bps.",
        "The bank raised rates by 0.5 percentage points.",
        "The 50-basis-point rise surprised markets.",
        "A 0.5-percentage-point rise surprised markets.",
        // Fractions of a point, as central banks' moves are told.
        "The bank raised rates by half a percentage point.",
        "The bank raised rates by half a point.",
        "It delivered a half-point rise.",
    ] {
        let (v, u) = vu(t);
        assert!(close(v, 0.5) && u == "percentage-points", "{t}: {v} {u}");
    }
    for (t, want) in [
        (
            "The bank lowered borrowing costs by a quarter point to 4%.",
            0.25,
        ),
        (
            "The bank cut rates by a quarter of a percentage point.",
            0.25,
        ),
        ("A quarter-point cut took the rate to 4%.", 0.25),
        ("It cut rates by three-quarters of a point.", 0.75),
    ] {
        let f = &dated(t)[0];
        let (v, u) = (f.value, f.unit.to_string());
        assert!(close(v, want) && u == "percentage-points", "{t}: {v} {u}");
    }
    // A third point made, the half point of a season: no points.
    assert!(dated("He made a third point about the plan.").is_empty());
    assert!(dated("At the half point of the season they led.").is_empty());
    let f = &dated("Rates fell by a third of a percentage point.")[0];
    assert!(f.unit == "percentage-points" && (f.value - 1.0 / 3.0).abs() < 1e-9);
    // A quarter of a point is no share of 25%; a quarter of voters is.
    assert!(
        !dated("The bank cut rates by a quarter of a percentage point.")
            .iter()
            .any(|f| f.unit == "percent")
    );
    assert_eq!(
        vu("A quarter of voters backed the plan."),
        (25.0, "percent".into())
    );
    // Indian English: a lakh is 100,000, a crore ten million.
    for (t, want) in [
        ("Exports rose to Rs 500 crore.", 5e9),
        ("Exports rose to Rs. 500 crore.", 5e9),
        ("Exports rose to ₹500 crore.", 5e9),
        ("Exports rose to INR 2 lakh.", 2e5),
        ("Exports rose to 12 lakh rupees.", 1.2e6),
    ] {
        let (v, u) = vu(t);
        assert!(close(v, want) && u == "INR", "{t}: {v} {u}");
    }
}

#[test]
fn a_period_after_the_publication_date_is_no_actual() {
    // Written 2023-03-21: 2030 and next year have not happened.
    for t in [
        "Trade of $300 billion in 2030 is in the plan.",
        "Trade hits $300 billion next year in the plan.",
    ] {
        assert_eq!(one(t).modality, Modality::Forecast, "{t}");
    }
    // This year has begun: what it holds may be so far.
    assert_eq!(
        one("Trade hit $40 billion this year.").modality,
        Modality::Actual
    );
    // A target stays a target, and with no publication date, no period
    // is after it.
    assert_eq!(
        one("The goal is $300 billion in 2030.").modality,
        Modality::Target
    );
    let undated = figs("Trade of $300 billion in 2030 is in the plan.", None);
    assert_eq!(undated[0].modality, Modality::Actual);
}

#[test]
fn cases_from_the_sample_corpus() {
    let f = one("The delegations would sign a dozen or more documents.");
    assert_eq!(
        (f.value, f.unit, f.qualifier),
        (12.0, "count", Qualifier::AtLeast)
    );
    assert_eq!(&*f.text, "a dozen or more documents");
    assert_eq!(f.modality, Modality::Forecast);
    let f = one("Trade could top $200 billion this year.");
    assert_eq!(
        (f.qualifier, f.modality),
        (Qualifier::Over, Modality::Forecast)
    );
    // "Two years on," says when; "ten years on the board" is a length.
    assert_eq!(dated("Two years on, sales rose 5%.").len(), 1);
    assert_eq!(one("He spent ten years on the board.").unit, "years");
    let f = dated(
        "Brussels imposed a fine of 4.34 billion euros in 2018, which a court cut by 5 percent four years later.",
    );
    assert_eq!(f[1].period.as_ref().map(|p| &*p.label), Some("2022"));
    let f = one("Engineers built the city more than a century ago.");
    assert_eq!(
        (f.value, f.unit, f.qualifier),
        (100.0, "years", Qualifier::Over)
    );
    let f = one("Trade hit $240 billion last year, a record, and grew.");
    assert_eq!(&f.attributes[..], ["record"]);
    // A day of the week dates a count of what happened, not a level said
    // that day.
    let f = figs("The Alliance won 71 seats on Sunday.", Some("2026-09-22"));
    assert_eq!(f[0].period.as_ref().map(|p| &*p.label), Some("2026-09-20"));
    let f = figs(
        "The ministry said on Monday that exports rose 5%.",
        Some("2026-09-22"),
    );
    assert_eq!(f[0].period, None);
    // A toll goes on growing after the day of the disaster: as of the
    // article's date.
    for t in [
        "The earthquake struck on Monday, killing at least 1,200 people.",
        "The number killed in Monday's earthquake has risen to 1,500.",
    ] {
        let f = figs(t, Some("2026-04-08"));
        assert_eq!(f[0].period, None, "{t}");
    }
    // A reading taken on the day is that day's: a temperature, a quake's
    // magnitude (also when it rose, or killed); not one forecast for a day.
    let label = |f: &Figure| f.period.as_ref().map(|p| p.label.to_string());
    let f = figs(
        "Temperatures rose to 42.6C last Sunday. A magnitude 6.1 quake struck on Monday, killing 12.",
        Some("2026-03-12"),
    );
    assert_eq!(label(&f[0]).as_deref(), Some("2026-03-08"));
    assert_eq!(label(&f[1]).as_deref(), Some("2026-03-09"));
    assert_eq!(label(&f[2]), None);
    let f = figs("Forecasters expect 44C on Friday.", Some("2026-03-12"));
    assert_eq!(label(&f[0]), None);
    let f = one("Power of Siberia 2, planned: 50 bcm a year.");
    assert_eq!(f.modality, Modality::Actual);
    let f = one("He said the deficit would fall to 3.5 percent of GDP next year.");
    assert_eq!(f.modality, Modality::Forecast);
    assert_eq!(f.period.map(|p| p.label).as_deref(), Some("2024"));
    let f = figs(
        "The tax will rise by 4 percent in January.",
        Some("2024-10-09"),
    );
    assert_eq!(f[0].period.as_ref().map(|p| &*p.label), Some("2025-01"));
    let f = figs("Exports rose 4 percent in January.", Some("2024-10-09"));
    assert_eq!(f[0].period.as_ref().map(|p| &*p.label), Some("2024-01"));
    // What is so today is this year's actual, whatever the sentence aims at.
    let f = figs(
        "Moscow aims to raise exports to 100 bcm by 2030, compared with 40 bcm today.",
        Some("2024-03-05"),
    );
    let got: Vec<(Modality, Option<String>)> = f
        .iter()
        .map(|f| (f.modality, f.period.as_ref().map(|p| p.label.to_string())))
        .collect();
    assert_eq!(
        got,
        [
            (Modality::Target, Some("2030".into())),
            (Modality::Actual, Some("2024".into()))
        ]
    );
    // A quarter or a half without a year, likewise.
    let label = |t: &str| {
        figs(t, Some("2024-10-09"))[0]
            .period
            .as_ref()
            .map(|p| p.label.to_string())
    };
    for (t, want) in [
        (
            "Profit rose 4 percent in the first quarter.",
            "2024-01/2024-03",
        ),
        (
            "Profit will rise 4 percent in the first quarter.",
            "2025-01/2025-03",
        ),
        (
            "Profit will rise 4 percent in the fourth quarter.",
            "2024-10/2024-12",
        ),
        ("First-half profit was $2 billion.", "2024-01/2024-06"),
        // "last month" names its year: no next one.
        ("Profit would fall 4 percent last month.", "2024-09"),
    ] {
        assert_eq!(label(t).as_deref(), Some(want), "{t}");
    }
    let f = one("Its share has risen by about 30 percentage points since the start of 2022.");
    assert_eq!(f.period.map(|p| p.label).as_deref(), Some("2022/2023"));
    let f = one("The pipeline, which began pumping gas at the end of 2019, carries 61 bcm a year.");
    assert_eq!(f.period, None);
    assert!(
        f.subject.terms.contains(&"pipelin".into()),
        "{:?}",
        f.subject
    );
    let f = dated("Shipments: 86.2 million tonnes in 2022, up 8 percent.");
    let labels: Vec<_> = f
        .iter()
        .map(|f| f.period.as_ref().map(|p| &*p.label))
        .collect();
    assert_eq!(labels, vec![Some("2022"), Some("2022")]);
}

// --------------------------------------------------------------- noise

#[test]
fn noise_lines() {
    for t in [
        "Subscribe for $4.99 a month.",
        "Photo: The leaders in Moscow, 40 guards on duty.",
        "Image: 20 tanks at the parade.",
        "Leaders at the summit with 40 aides (Reuters)",
        "Share this: 40 readers liked it.",
        "Read more: 40 times they met.",
        "© 2024 Globe Wire. 40 pages.",
    ] {
        let f = dated(t);
        assert!(!f.is_empty() && f.iter().all(|f| f.noise), "{t}: {f:#?}");
    }
    assert!(!one("Trade reached $240 billion.").noise);
}

// ------------------------------------------------------------ subjects

#[test]
fn subjects_from_the_sentence() {
    let f = one("Trade turnover between Russia and China reached $185 billion.");
    for t in ["trade", "russia", "china"] {
        assert!(f.subject.terms.contains(&(*t).into()), "{:?}", f.subject);
    }
    assert!(!f.subject.terms.iter().any(|t| t.starts_with("dollar")));
    let f = one("Gas supply via Power of Siberia reached 22.7 bcm.");
    for t in ["gas", "suppli", "power", "siberia"] {
        assert!(f.subject.terms.contains(&(*t).into()), "{:?}", f.subject);
    }
    // A compound noun after the figure, both its words.
    let f = one("The minister defended the award of a £240m ferry contract.");
    for t in ["ferri", "contract"] {
        assert!(f.subject.terms.contains(&(*t).into()), "{:?}", f.subject);
    }
    let f = one("The yuan's share of payments rose to 26%.");
    assert!(f.subject.terms.contains(&"yuan".into()), "{:?}", f.subject);
    let long = format!(
        "{} reached $5 billion.",
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    );
    assert!(one(&long).subject.terms.len() <= subject::MAX_TERMS);
}

#[test]
fn subject_names_are_capitalised_words_inside_the_sentence() {
    let names =
        |t: &str| -> Vec<String> { one(t).subject.names.iter().map(|n| n.to_string()).collect() };
    assert_eq!(
        names("Trade turnover between Russia and China reached $185 billion."),
        vec!["china", "russia"]
    );
    assert_eq!(
        names("According to Anna Berg, the Zelamont pipeline ran 368 km in 2024."),
        vec!["zelamont"],
        "the source named before a reporting cue is not part of the subject"
    );
    assert!(
        names("Trade between the two countries reached $240 billion.").is_empty(),
        "the capitalised first word of a sentence is no name"
    );
    assert!(
        names("Bilateral Trade Hits Record $240 Billion").is_empty(),
        "in a title-case headline capitals say nothing"
    );
}

#[test]
fn cases_with_two_modifiers_a_source_and_a_decimal() {
    let f = one("Marenia has recorded more than 12,000 suspected cholera cases.");
    assert_eq!((f.value, f.unit), (12000.0, "count"));
    assert_eq!(f.subject.head.as_deref(), Some("case"));
    // "Recorded" is no "record".
    let f = dated("The toll stood at 231, with 12,870 cases recorded since July.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f[1].attributes.is_empty(), "{f:?}");
    assert_eq!(
        one("Trade hit a record $240 billion.").attributes[..],
        ["record"]
    );
    // The source a sentence opens with is not what a figure measures, and
    // a decimal point does not end the words after it.
    let f = &dated(
        "According to Unicef, 40% of the country's 3.1 million people lack access to water.",
    )[0];
    assert_eq!(&*f.subject.text, "lack access");
}

#[test]
fn a_split_years_end_is_no_figure() {
    // "2019-20" is a year, not a range ending in 20 bushfires.
    for text in [
        "The 2019-20 bushfires burned 24 million hectares.",
        "The 2019–20 bushfires burned 24 million hectares.",
    ] {
        let f = figs(text, Some("2026-07-21"));
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(&*f[0].text, "24 million hectares");
        assert_eq!(&*f[0].period.as_ref().unwrap().label, "2019-20");
    }
    // A range of two numbers stays one.
    assert_eq!(vu("Scores of 30-40 points."), (35.0, "count".into()));
}

#[test]
fn one_in_five_is_a_share_in_percent() {
    let f = one("One in five companies in Marenia lacks internet access.");
    assert_eq!(
        (f.value, f.unit, &*f.text),
        (20.0, "percent", "One in five companies")
    );
    assert_eq!(f.attributes[..], ["share"]);
    // As wide as one in 4.5 to one in 5.5 (18.2% to 22.2%), about 20%.
    let half = (100.0 / 4.5 - 100.0 / 5.5) / 2.0;
    assert!(
        (f.low - (20.0 - half)).abs() < 1e-9 && (f.high - (20.0 + half)).abs() < 1e-9,
        "{f:?}"
    );
    assert_eq!(one("Three out of ten voters backed the plan.").value, 30.0);
    assert_eq!(one("One in a hundred children is affected.").value, 1.0);
    let f = one("About one in four adults smokes.");
    assert_eq!((f.value, f.qualifier), (25.0, Qualifier::About));
    // It agrees with "some 20%" of them, not with 30%.
    let g = one("Some 20% of companies lack internet access.");
    assert!(crate::compare::intervals_meet(
        &one("One in five companies lacks internet access."),
        &g
    ));
    assert!(!crate::compare::intervals_meet(
        &one("One in five companies lacks internet access."),
        &one("Exactly 30% of companies lack internet access.")
    ));
    // In digits too, and as wide.
    let (d, w) = (
        one("1 in 5 companies lack internet access."),
        one("One in five companies lacks internet access."),
    );
    assert_eq!((d.value, d.low, d.high), (w.value, w.low, w.high));
    let f = one("Fever was reported in about 1 in 10 recipients.");
    assert_eq!(
        (f.value, f.unit, f.qualifier, &*f.text),
        (
            10.0,
            "percent",
            Qualifier::About,
            "about 1 in 10 recipients"
        )
    );
    assert_eq!(one("3 out of 4 voters backed it.").value, 75.0);
    // Not a year, nor a larger first number, nor a time or a run of games.
    assert!(dated("Sales rose 3 in 2023.").is_empty());
    for t in [
        "He scored 2 in 10 minutes.",
        "They won 3 in 5 games.",
        "It rose 2 in 3 months.",
    ] {
        assert!(dated(t).iter().all(|f| f.unit != "percent"), "{t}");
    }
    assert_eq!(dated("The 12 in 4 groups met.").len(), 1);
    // "a year and a half" is no share.
    assert_eq!(
        dated("It was 75% effective over a year and a half of follow-up.").len(),
        1
    );
}

#[test]
fn a_name_is_not_cut_by_the_word_limit() {
    let f = one(
        "The Social Alliance won the parliamentary election in northern Lakeland with 34.2% of the vote.",
    );
    assert_eq!(
        &*f.subject.text,
        "Social Alliance parliamentary election northern Lakeland vote"
    );
}

// ------------------------------------------------------------ passages

#[test]
fn passage_is_the_sentence() {
    let f = dated("Xi landed. Trade reached $240 billion last year. They smiled.");
    assert_eq!(&*f[0].passage_text, "Trade reached $240 billion last year.");
    assert_eq!(f[0].span.line, 4);
}

// ----------------------------------------------------------- bad input

#[test]
fn bad_input_million_digit_number() {
    let huge = "9".repeat(1_000_000);
    let f = dated(&format!("Debt of ${huge} billion and {huge} tonnes."));
    assert!(all_finite(&f), "{f:?}");
    assert!(f.is_empty(), "a number too long to be a figure is dropped");
}

#[test]
fn bad_input_exponent() {
    assert!(dated("It was 1e999 dollars.").is_empty());
    assert!(dated("It was 1E308 tonnes.").is_empty());
}

#[test]
fn bad_input_bare_symbols_and_magnitudes() {
    assert!(dated("$").is_empty());
    assert!(dated("$ $$ € billion billion dollars").is_empty());
    assert!(dated("billion billion").is_empty());
    let f = dated("It cost $5 billion billion.");
    assert!(all_finite(&f) && f.iter().all(|f| f.value == 5e9), "{f:?}");
}

#[test]
fn bad_input_signed_values() {
    let f = dated("Values of -5% and +3 percent and --7 tonnes and +-2 km.");
    assert!(all_finite(&f));
    assert_eq!(f[0].value, -5.0);
    assert_eq!(f[1].value, 3.0);
}

#[test]
fn bad_input_mixed_separators() {
    let f = dated("It was 1,2.3 km and 1.2,3 km and 1,,2 km.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn bad_input_impossible_date() {
    let f = dated("On 31 February 2023 they signed 14 deals.");
    assert!(all_finite(&f));
    assert!(
        f.iter()
            .all(|f| f.period.as_ref().is_none_or(|p| &*p.label != "2023-02-31"))
    );
}

#[test]
fn a_year_compared_against_dates_only_a_when_clause_after_it() {
    let label = |f: &Figure| f.period.as_ref().map(|p| p.label.to_string());
    let f = figs(
        "The party's share of 31.6% was 4.2 points higher than in 2023, when it took 27.4%.",
        Some("2026-11-18"),
    );
    let periods: Vec<_> = f.iter().map(|f| (f.value, label(f))).collect();
    assert_eq!(
        periods,
        vec![(31.6, None), (4.2, None), (27.4, Some("2023".into()))]
    );
    assert_eq!(
        label(&one("Inflation of 3.1% was higher than in 2023.")),
        None
    );
    assert_eq!(label(&one("Sales were 4% lower compared with 2022.")), None);
    assert_eq!(label(&one("Sales were 4% lower than during 2022.")), None);
    // "From a year earlier" is the base; the "when" clause after it is of
    // that year.
    let f = figs(
        "Exports rose 26% from a year earlier, when they were $3 billion.",
        Some("2025-05-01"),
    );
    let periods: Vec<_> = f.iter().map(|f| (f.value, label(f))).collect();
    assert_eq!(periods, vec![(26.0, None), (3e9, Some("2024".into()))]);
    // A year the figure is of stays its own.
    assert_eq!(
        label(&one("Turnout was 68.9% in 2023, the commission said.")),
        Some("2023".into())
    );
}

#[test]
fn a_party_placed_or_winning_with_a_percentage_holds_a_share() {
    for text in [
        "The Social Democrats finished first in Sunday's vote with 31.6 percent.",
        "The Social Democrats won the snap election with 31.4%.",
        "The Liberal Alliance came second with 24.8%.",
    ] {
        assert_eq!(one(text).attributes[..], [attribute::SHARE], "{text}");
    }
    // "With" alone, or past a comma, says no share.
    assert!(
        one("The region, with 12% unemployment, voted for change.")
            .attributes
            .is_empty()
    );
    assert!(
        one("Homeland finished, as polls said, with 17.3% support.")
            .attributes
            .is_empty()
    );
}

#[test]
fn seats_or_a_share_lost_are_a_fall_and_money_lost_a_level() {
    assert_eq!(
        one("The Liberal Alliance lost 21 seats, falling to 118.").attributes[..],
        [attribute::FALL]
    );
    assert_eq!(
        one("The shares lost 5% on Monday.").attributes[..],
        [attribute::FALL]
    );
    assert!(
        one("The company lost $2 billion in 2022.")
            .attributes
            .is_empty()
    );
}

#[test]
fn winning_is_a_forecast_when_it_would_or_will_happen() {
    assert_eq!(
        one("He said the party would win 40 seats.").modality,
        Modality::Forecast
    );
    assert_eq!(
        one("Polls say Homeland will win 82 seats.").modality,
        Modality::Forecast
    );
    assert_eq!(one("Homeland won 82 seats.").modality, Modality::Actual);
}

#[test]
fn rates_of_a_population_are_on_its_basis() {
    let f = one("The infection rate rose to 23 cases per 100,000 people last week.");
    assert_eq!((f.value, f.unit), (23.0, "count"));
    assert!(f.attributes.contains(&"per-100000"), "{f:#?}");
    // The population is no figure; the period after it is the rate's.
    let f = one("The rate was 4.1 deaths per 1,000 live births in 2024.");
    assert!(f.attributes.contains(&"per-1000"), "{f:#?}");
    assert_eq!(f.period.map(|p| p.label.to_string()), Some("2024".into()));
    // A bare rate counts.
    let f = one("The murder rate was 5.8 per 100,000 in 2023.");
    assert_eq!((f.value, f.unit), (5.8, "count"));
    assert!(f.attributes.contains(&"per-100000"));
    let f = one("There were 12 deaths for every 1,000 people.");
    assert!(f.attributes.contains(&"per-1000"));
    // A span of time repeated is no rate's population.
    assert_eq!(
        vu("The census is held once every 10 years."),
        (10.0, "years".into())
    );
    // Per capita is per head, as before.
    assert!(
        one("Income per capita rose to $12,400.")
            .attributes
            .contains(&"per-head")
    );
}

#[test]
fn what_is_counted_may_be_named_before_the_number() {
    let f = dated("Measles cases reached 1,240 in 2022, up from 860 a year earlier.");
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!((f[0].value, f[0].unit), (1240.0, "count"));
    assert_eq!(f[1].value, 860.0);
    let labels: Vec<String> = f
        .iter()
        .map(|f| {
            f.period
                .as_ref()
                .map(|p| p.label.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(labels, ["2022", "2021"]);
    assert_eq!(
        vu("Hospital admissions rose to 3,100 last week."),
        (3100.0, "count".into())
    );
    assert_eq!(vu("Arrests stood at 412."), (412.0, "count".into()));
    // Crimes counted, named before.
    assert_eq!(vu("Homicides fell to 97."), (97.0, "count".into()));
    assert_eq!(
        vu("Burglaries dropped to 58,300 last year."),
        (58300.0, "count".into())
    );
    // Not prices or rates.
    assert!(dated("Prices rose to 85 on Monday.").is_empty());
}

#[test]
fn a_wire_dateline_is_no_part_of_the_subject() {
    for text in [
        "DETROIT, June 2 (Wire One) - Carvell Motors is recalling about 1.2 million vehicles.",
        "DETROIT (Wire One) — Carvell Motors is recalling about 1.2 million vehicles.",
        "NEW YORK -- Carvell Motors is recalling about 1.2 million vehicles.",
    ] {
        let f = one(text);
        assert_eq!(
            f.subject.text.as_ref(),
            "Carvell Motors recalling vehicles",
            "{text}"
        );
    }
    // An acronym and a dash before lowercase text is no dateline.
    assert!(
        one("NATO - the alliance - spent $1bn.")
            .subject
            .text
            .contains("NATO")
    );
    // Cars recalled are vehicles recalled.
    assert_eq!(
        one("Carvell Motors has recalled 1.4 million cars.")
            .subject
            .terms,
        one("Carvell Motors has recalled 1.4 million vehicles.")
            .subject
            .terms
    );
}

#[test]
fn goals_scored_are_no_target() {
    let f = dated("Okafor scored 27 goals in 38 games for Valencia last season.");
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(f.iter().all(|f| f.modality == Modality::Actual), "{f:#?}");
    assert_eq!(
        one("He scored his 100th goal in 250 games.").modality,
        Modality::Actual
    );
    // A goal to reach still is.
    assert_eq!(
        one("The club's goal is 90 points.").modality,
        Modality::Target
    );
    assert!(
        dated("Their goals are 40 seats and 30% of the vote.")
            .iter()
            .all(|f| f.modality == Modality::Target)
    );
}

#[test]
fn what_something_will_cost_or_save_is_a_forecast() {
    assert_eq!(
        one("The restructuring will cost $1.4 billion, the company said.").modality,
        Modality::Forecast
    );
    assert_eq!(
        one("The scheme would save £300m a year.").modality,
        Modality::Forecast
    );
    assert_eq!(
        one("The restructuring cost $1.4 billion.").modality,
        Modality::Actual
    );
}

#[test]
fn the_party_named_before_lends_its_name() {
    let names = |f: &Figure| {
        f.subject
            .names
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
    };
    // The opening possessive is a name; "the party" in the next paragraph
    // is that party.
    let f = figs(
        "Homeland's 17.3% was its best result ever.\n\nThe party won 82 seats.",
        Some("2026-11-18"),
    );
    assert_eq!(names(&f[0]), ["homeland"]);
    assert_eq!(names(&f[1]), ["homeland"]);
    assert!(f[1].subject.terms.contains(&Shared::from("homeland")));
    // In the same sentence too.
    let f = figs(
        "The Social Democrats finished first with 31.6 percent, giving the party 144 seats.",
        Some("2026-11-18"),
    );
    assert_eq!(names(&f[1]), ["democrat", "social"]);
    // Not two paragraphs on, and not to a subject naming no company,
    // party or club.
    let f = figs(
        "Homeland's 17.3% was its best result ever.\n\nTurnout was 61.2%.\n\nThe \
         party won 82 seats.\n\nTurnout was 61.2%.",
        Some("2026-11-18"),
    );
    assert!(f[1..].iter().all(|f| f.subject.names.is_empty()), "{f:#?}");
    // A day, a time word or a contraction opening a sentence is no name.
    for text in [
        "Sunday's turnout was 61.2%.",
        "Today's rate is 4.5%.",
        "It's 5% higher than planned.",
    ] {
        assert!(one(text).subject.names.is_empty(), "{text}");
    }
}

#[test]
fn an_earthquakes_magnitude_is_a_figure() {
    for text in [
        "A 6.9-magnitude quake struck.",
        "The quake had a magnitude of 6.9.",
        "Friday's magnitude 6.9 earthquake destroyed the town.",
        "The US Geological Survey put its magnitude at 6.9.",
        "A quake measuring 6.9 on the Richter scale hit.",
    ] {
        let f = one(text);
        assert_eq!((f.value, f.unit), (6.9, "magnitude"), "{text}");
        assert!(
            f.subject.terms.contains(&Shared::from("earthquak")) || text.contains("Survey"),
            "{text}: {:?}",
            f.subject
        );
    }
    // A year before "magnitude" is none.
    let f = dated("The 2023 magnitude 7.8 quake.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].value, 7.8);
    // "Magnitude" alone counts nothing.
    assert!(dated("The magnitude of the task is huge.").is_empty());
}

#[test]
fn casualties_named_before_a_bare_number_are_counted() {
    let head = |text: &str| one(text).subject.head.map(|h| h.to_string());
    assert_eq!(
        head("The injured number more than 5,100, the ministry said."),
        Some("injur".into())
    );
    assert_eq!(
        head("Injuries stood at more than 5,100."),
        Some("injur".into())
    );
    assert_eq!(head("Deaths rose to 2,340 on Monday."), Some("kill".into()));
    assert_eq!(
        head("More than 2,000 people are now known to have died."),
        Some("kill".into())
    );
    // Hearsay is not what befell them.
    assert_eq!(
        head("About 300 people believed trapped."),
        Some("trap".into())
    );
    assert_eq!(
        head("Roughly 250 people thought to be trapped."),
        Some("trap".into())
    );
    // A bare number with no casualty before it is still none.
    assert!(dated("The score stood at 31.").is_empty());
    // A body of people counts them, and is named once in the subject.
    for (text, want) in [
        ("Nortex's workforce of 205,000 will shrink.", "workforc"),
        ("A crowd of 60,000 watched the final.", "crowd"),
        ("Attendance was 45,000 on Sunday.", "attend"),
        ("The city's population reached 1.2 million.", "popul"),
    ] {
        let f = one(text);
        assert_eq!(f.unit, "count", "{text}");
        assert_eq!(
            f.subject.head.as_deref(),
            Some(want),
            "{text}: {:?}",
            f.subject
        );
    }
    assert_eq!(
        one("Nortex's workforce of 205,000 will shrink.")
            .subject
            .text
            .as_ref(),
        "Nortex's workforce"
    );
}

#[test]
fn temperatures_have_their_scale() {
    for (text, v, unit) in [
        ("Temperatures reached 41C on Tuesday.", 41.0, "celsius"),
        ("Temperatures reached 41.2°C on Tuesday.", 41.2, "celsius"),
        (
            "The thermometer showed 41 degrees Celsius.",
            41.0,
            "celsius",
        ),
        ("Highs of 38 degrees C are expected.", 38.0, "celsius"),
        ("It hit 105 °F in Phoenix.", 105.0, "fahrenheit"),
        ("It hit 105F in Phoenix.", 105.0, "fahrenheit"),
    ] {
        let f = one(text);
        assert_eq!((f.value, f.unit), (v, unit), "{text}");
    }
    // A letter glued to a number is a code, a year's estimate in a table
    // no temperature.
    for text in [
        "The army flew 4 C-130 transport planes.",
        "Sales rose in 2025F.",
        "The G7 met.",
        "Sales reached 2025C.",
    ] {
        assert!(
            dated(text)
                .iter()
                .all(|f| f.unit != "celsius" && f.unit != "fahrenheit"),
            "{text}"
        );
    }
}

#[test]
fn points_changing_a_percentage_are_percentage_points() {
    let f = dated("Unemployment is 4.2 per cent, up 0.1 point.");
    assert_eq!(f.len(), 2, "{f:#?}");
    assert_eq!((f[1].value, f[1].unit), (0.1, "percentage-points"));
    assert_eq!(f[1].attributes[..], [attribute::RISE]);
    let f = dated("The party's share of 31.6% was 4.2 points higher than in 2023.");
    assert_eq!((f[1].value, f[1].unit), (4.2, "percentage-points"));
    assert_eq!(f[1].attributes[..], [attribute::RISE]);
    let f = dated("Inflation fell to 2.9%, down 0.5 points.");
    assert_eq!(
        (f[1].unit, &f[1].attributes[..]),
        ("percentage-points", &[attribute::FALL][..])
    );
    // Points that change no percentage are counted.
    let f = dated("She shot 45% from the field and scored 31 points.");
    assert_eq!(f[1].unit, "count");
    assert_eq!(one("The index rose 120 points.").unit, "count");
    // A figure "lower" or "higher" than another is a change.
    assert_eq!(
        one("Prices were 3% lower than a year ago.").attributes[..],
        [attribute::FALL]
    );
}

#[test]
fn british_pc_is_percent_and_money_raised_is_a_level() {
    let f = one("Wages rose by 4.5pc.");
    assert_eq!((f.value, f.unit), (4.5, "percent"));
    assert_eq!(one("Output fell 0.3 pc in the quarter.").unit, "percent");
    // Not a glued word.
    assert!(dated("The 5pcs were sold.").is_empty());
    // Funds raised are an amount; prices raised by an amount a change.
    assert!(
        one("They raised $12.5 million in Series B funding.")
            .attributes
            .is_empty()
    );
    assert_eq!(
        one("The firm raised prices by $5.").attributes[..],
        [attribute::RISE]
    );
}

#[test]
fn bad_input_time_is_linear() {
    // One huge sentence of figures: 8x the input may cost ~8x the time, not
    // 64x. The bound is loose so a busy machine does not fail it.
    let make = |n: usize| "Trade was $185 billion and 40 km and 26% and ".repeat(n) + ".";
    let time = |t: &str| {
        (0..3)
            .map(|_| {
                let start = std::time::Instant::now();
                let f = dated(t);
                assert!(!f.is_empty());
                start.elapsed()
            })
            .min()
            .unwrap()
    };
    let small = time(&make(500));
    let big = time(&make(4000));
    assert!(
        big < small * 40,
        "8x input took {big:?} vs {small:?}: not linear"
    );
}

// ---------------------------------------------------------- properties

fn grouped(n: u64, sep: char) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

proptest! {
    #[test]
    fn formatted_numbers_parse_back(n in 1u64..999_999_999, cents in 0u32..100, style in 0usize..7) {
        let v = n as f64 + f64::from(cents) / 100.0;
        let text = match style {
            0 => format!("Exports were {n}.{cents:02} tonnes."),
            1 => format!("Exports were {}.{cents:02} tonnes.", grouped(n, ',')),
            2 => format!("Exports were {}.{cents:02} tonnes.", grouped(n, ' ')),
            3 => format!("Exports were ${}.{cents:02}.", grouped(n, ',')),
            4 => format!("Exports were US${}.{cents:02}.", grouped(n, ',')),
            5 => format!("Exports were €{}.{cents:02}.", grouped(n, ',')),
            _ => format!("Exports were {}.{cents:02} dollars.", grouped(n, ',')),
        };
        let f = figs(&text, None);
        prop_assert_eq!(f.len(), 1, "{}", text);
        prop_assert!(close(f[0].value, v), "{} gave {}", text, f[0].value);
    }

    #[test]
    fn magnitudes_parse_back(n in 1u32..999, frac in 0u32..10, mag in 0usize..4, style in 0usize..5) {
        let (word, short, letter, factor) = [
            ("thousand", "k", "k", 1e3),
            ("million", "mn", "M", 1e6),
            ("billion", "bn", "B", 1e9),
            ("trillion", "tn", "tn", 1e12),
        ][mag];
        let num = if frac == 0 { n.to_string() } else { format!("{n}.{frac}") };
        let v = (f64::from(n) + f64::from(frac) / 10.0) * factor;
        let text = match style {
            0 => format!("Trade was ${num} {word}."),
            1 => format!("Trade was ${num}{short}."),
            2 => format!("Trade was {num}{letter} dollars."),
            3 => format!("Trade was {num} {word} USD."),
            _ => format!("Trade was US${num}{short}."),
        };
        let f = figs(&text, None);
        prop_assert_eq!(f.len(), 1, "{}", text);
        prop_assert!(close(f[0].value, v), "{} gave {}", text, f[0].value);
        prop_assert_eq!(f[0].unit, "USD");
    }

    #[test]
    fn spans_map_back_to_text(s in "[a-zA-Z0-9 $%€,.;:(\\-—’]{0,160}") {
        let (doc, _) = Document::from_text("t", "t.md", &s);
        for f in extract_figures(&doc) {
            prop_assert_eq!(&doc.text[f.span.range()], &*f.text);
            prop_assert_eq!(&doc.text[f.passage.start as usize..f.passage.end as usize], &*f.passage_text);
            prop_assert!(f.value.is_finite() && f.low.is_finite() && f.high.is_finite());
            prop_assert!(f.low <= f.high);
        }
    }
}
