//! serde's messages in plain words. serde describes a data error in its own terms ("invalid
//! length 0, expected struct ReportFields with 7 elements", "invalid type: integer `80`"); a
//! user of finsam should read what was expected and what was found, in Swedish or English,
//! without the names of internal types.

/// A serde data-error message as `(Swedish, English)` sentences.
///
/// ```text
/// invalid type: sequence, expected struct ReportFields
///   → "väntade en rapport (ett JSON-objekt), fann en lista"
///   → "expected a report (a JSON object), found an array"
/// ```
pub(crate) fn plain(message: &str) -> (String, String) {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, allowed) = split_expected(rest);
        let field = unquote(field);
        return match allowed.map(names) {
            Some(names) if !names.is_empty() => (
                format!("okänt fält '{field}'; här finns fälten {names}"),
                format!("unknown field '{field}'; the fields here are {names}"),
            ),
            _ => (
                format!("okänt fält '{field}'; här finns inga fält"),
                format!("unknown field '{field}'; there are no fields here"),
            ),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let field = unquote(rest);
        return (
            format!("fältet '{field}' saknas"),
            format!("the field '{field}' is missing"),
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        let field = unquote(rest);
        return (
            format!("fältet '{field}' står två gånger"),
            format!("the field '{field}' is given twice"),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, allowed) = split_expected(rest);
        let value = unquote(value);
        let allowed = allowed.map(names).unwrap_or_default();
        return (
            format!("'{value}' är inte något av: {allowed}"),
            format!("'{value}' is not one of: {allowed}"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = split_expected(rest);
        let (found_sv, found_en) = unexpected(found);
        let (expected_sv, expected_en) = expecting(expected.unwrap_or_default());
        return (
            format!("väntade {expected_sv}, fann {found_sv}"),
            format!("expected {expected_en}, found {found_en}"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = split_expected(rest);
        let (found_sv, found_en) = unexpected(found);
        let (expected_sv, expected_en) = expecting(expected.unwrap_or_default());
        return (
            format!("{found_sv} är inte {expected_sv}"),
            format!("{found_en} is not {expected_en}"),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (length, expected) = split_expected(rest);
        let (expected_sv, expected_en) = expecting(expected.unwrap_or_default());
        return (
            format!("väntade {expected_sv}, fann en lista med {length} element"),
            format!("expected {expected_en}, found an array of {length} elements"),
        );
    }
    (
        format!("uppgifterna kunde inte läsas ({message})"),
        message.to_owned(),
    )
}

/// `"x, expected y"` as `("x", Some("y"))`; serde writes what it expected after the last
/// ", expected " (or ", there are no fields").
fn split_expected(text: &str) -> (&str, Option<&str>) {
    match text.rsplit_once(", expected ") {
        Some((found, expected)) => (found, Some(expected)),
        None => match text.split_once(", there are no") {
            Some((found, _)) => (found, None),
            None => (text, None),
        },
    }
}

/// Text between serde's backticks, or the text itself.
fn unquote(text: &str) -> &str {
    text.trim()
        .strip_prefix('`')
        .and_then(|t| t.strip_suffix('`'))
        .unwrap_or(text.trim())
}

/// serde's list of names "one of `a`, `b`" or "`a` or `b`" as "a, b".
fn names(list: &str) -> String {
    list.split('`')
        .skip(1)
        .step_by(2)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What serde found, as a phrase: "integer `80`" is "the number 80".
fn unexpected(found: &str) -> (String, String) {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|rest| unquote(rest).to_owned())
    };
    if let Some(number) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return (format!("talet {number}"), format!("the number {number}"));
    }
    if let Some(text) = found.strip_prefix("string ") {
        return (format!("texten {text}"), format!("the text {text}"));
    }
    if let Some(value) = quoted("boolean ") {
        return (value.clone(), value);
    }
    let (sv, en) = match found {
        "sequence" => ("en lista", "an array"),
        "map" => ("ett objekt", "an object"),
        "null" | "unit value" => ("null", "null"),
        _ => return (found.to_owned(), found.to_owned()),
    };
    (sv.to_owned(), en.to_owned())
}

/// What serde expected, as a phrase. The format's own visitors and structs say it in English;
/// the Swedish is looked up here, and an internal struct's name becomes what it stands for.
fn expecting(expected: &str) -> (String, String) {
    let owned = |(sv, en): (&str, &str)| (sv.to_owned(), en.to_owned());
    let known = match expected {
        "a string" => Some(("en text", "a string")),
        "a report (a JSON object)" => Some(("en rapport (ett JSON-objekt)", expected)),
        "a sequence" => Some(("en lista", "an array")),
        "a boolean" => Some(("true eller false", "true or false")),
        "u8" | "u16" | "u32" | "u64" | "usize" => {
            Some(("ett heltal, 0 eller mer", "a whole number, 0 or more"))
        }
        "a decimal number written as a string, such as \"80\" or \"8.5\"" => Some((
            "ett decimaltal skrivet som text, till exempel \"80\" eller \"8.5\"",
            expected,
        )),
        "a decimal number written as a string, such as \"80\" or \"8.5\", or null" => Some((
            "ett decimaltal skrivet som text, till exempel \"80\" eller \"8.5\", eller null",
            expected,
        )),
        "a whole number of people (0 or more) or \"not_applicable\"" => Some((
            "ett antal personer (0 eller mer) eller \"not_applicable\"",
            expected,
        )),
        _ => None,
    };
    if let Some(phrase) = known {
        return owned(phrase);
    }
    let Some(name) = expected.strip_prefix("struct ") else {
        return (expected.to_owned(), expected.to_owned());
    };
    let name = name.split(' ').next().unwrap_or(name);
    let name = name.strip_suffix("Fields").unwrap_or(name);
    let (sv, en) = match name {
        "Report" | "VersionProbe" => ("en rapport", "a report"),
        "Intervention" => ("en insats", "an intervention"),
        "Goal" => ("ett mål", "a goal"),
        "Result" => ("ett resultat", "a result"),
        "Policy" => ("bedömningsregler", "a grading policy"),
        "DecidedGrade" => ("en beslutad grad", "a decided grade"),
        "FlowTable" => ("en tabell över deltagarflöden", "a participant-flow table"),
        "FlowRow" => (
            "en rad i tabellen över deltagarflöden",
            "a row of the flow table",
        ),
        "FlowFigures" => ("deltagarflödets tal", "the figures of a flow row"),
        "EndReasonTable" => ("en tabell över avslutsorsaker", "an end-reason table"),
        "Economics" => ("ekonomin", "the economics"),
        _ => ("ett objekt", "an object"),
    };
    (
        format!("{sv} (ett JSON-objekt)"),
        format!("{en} (a JSON object)"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_words_become_plain_sentences() {
        let cases = [
            (
                "invalid length 0, expected struct ReportFields with 7 elements",
                "väntade en rapport (ett JSON-objekt), fann en lista med 0 element",
                "expected a report (a JSON object), found an array of 0 elements",
            ),
            (
                "invalid type: string \"x\", expected struct VersionProbe",
                "väntade en rapport (ett JSON-objekt), fann texten \"x\"",
                "expected a report (a JSON object), found the text \"x\"",
            ),
            (
                "unknown field `colour`, expected one of `id`, `name`",
                "okänt fält 'colour'; här finns fälten id, name",
                "unknown field 'colour'; the fields here are id, name",
            ),
            (
                "missing field `name`",
                "fältet 'name' saknas",
                "the field 'name' is missing",
            ),
            (
                "unknown variant `blue`, expected `individual` or `structural`",
                "'blue' är inte något av: individual, structural",
                "'blue' is not one of: individual, structural",
            ),
            (
                "invalid type: integer `80`, expected a decimal number written as a string, such as \"80\" or \"8.5\"",
                "väntade ett decimaltal skrivet som text, till exempel \"80\" eller \"8.5\", fann talet 80",
                "expected a decimal number written as a string, such as \"80\" or \"8.5\", found the number 80",
            ),
        ];
        for (serde, sv, en) in cases {
            assert_eq!(plain(serde), (sv.to_owned(), en.to_owned()), "{serde}");
        }
    }
}
