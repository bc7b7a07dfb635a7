//! Checks of the translation files: every language has every message residents and citizen
//! journalists meet, every message that takes a number has every plural form its language
//! needs, the code passes those numbers as numbers, and the Danish residents read is plain.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use super::Lang;

/// The numbers every message that takes one is rendered with: they fall into every plural
/// category of the three languages (Arabic: zero, one, two, few, many, other).
const NUMBERS: [i64; 6] = [0, 1, 2, 3, 11, 100];

/// The interface text of `lang` that residents and journalists meet.
fn main_file(lang: Lang) -> String {
    let path = format!(
        "{}/../locales/{}/main.ftl",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
}

fn parse(lang: Lang, source: &str) -> ast::Resource<&str> {
    fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!(
            "locales/{}/main.ftl does not parse: {errors:?}",
            lang.code()
        )
    })
}

fn messages<'a>(
    resource: &'a ast::Resource<&'a str>,
) -> BTreeMap<&'a str, &'a ast::Pattern<&'a str>> {
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(ast::Message {
                id,
                value: Some(pattern),
                ..
            }) => Some((id.name, pattern)),
            _ => None,
        })
        .collect()
}

/// A select expression on a variable: the variable, whether it selects by ordinal rules
/// (`NUMBER($n, type: "ordinal")`), and its variants' keys.
struct Select<'a> {
    variable: &'a str,
    ordinal: bool,
    keys: Vec<&'a str>,
}

/// The select expressions on variables anywhere in `pattern`, and every variable it uses.
fn walk<'a>(
    pattern: &'a ast::Pattern<&'a str>,
    selects: &mut Vec<Select<'a>>,
    variables: &mut BTreeSet<&'a str>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, selects, variables);
        }
    }
}

fn walk_expression<'a>(
    expression: &'a ast::Expression<&'a str>,
    selects: &mut Vec<Select<'a>>,
    variables: &mut BTreeSet<&'a str>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            let (variable, ordinal) = match selector {
                ast::InlineExpression::VariableReference { id } => (Some(id.name), false),
                ast::InlineExpression::FunctionReference { id, arguments }
                    if id.name == "NUMBER" =>
                {
                    let variable =
                        arguments
                            .positional
                            .iter()
                            .find_map(|argument| match argument {
                                ast::InlineExpression::VariableReference { id } => Some(id.name),
                                _ => None,
                            });
                    let ordinal = arguments.named.iter().any(|named| {
                        named.name.name == "type"
                            && matches!(&named.value, ast::InlineExpression::StringLiteral { value } if *value == "ordinal")
                    });
                    (variable, ordinal)
                }
                _ => (None, false),
            };
            if let Some(variable) = variable {
                variables.insert(variable);
                selects.push(Select {
                    variable,
                    ordinal,
                    keys: variants
                        .iter()
                        .map(|variant| match &variant.key {
                            ast::VariantKey::Identifier { name } => *name,
                            ast::VariantKey::NumberLiteral { value } => *value,
                        })
                        .collect(),
                });
            }
            for variant in variants {
                walk(&variant.value, selects, variables);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, variables),
    }
}

fn walk_inline<'a>(inline: &'a ast::InlineExpression<&'a str>, variables: &mut BTreeSet<&'a str>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, variables);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            walk_expression(expression, &mut Vec::new(), variables);
        }
        _ => {}
    }
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// The plural categories of `lang` (CLDR) that whole numbers fall into, by cardinal or ordinal
/// rules: the site shows only whole numbers.
fn categories(lang: Lang, ordinal: bool) -> BTreeSet<&'static str> {
    let kind = if ordinal {
        PluralRuleType::ORDINAL
    } else {
        PluralRuleType::CARDINAL
    };
    let rules = PluralRules::create(lang.id().clone(), kind).expect("CLDR rules for the language");
    (0..=1000)
        .map(|n| category_name(rules.select(n).expect("a plural category")))
        .collect()
}

/// The messages of the Danish main file that choose a form by a number, with those numbers'
/// variables.
fn messages_taking_a_number() -> BTreeMap<String, BTreeSet<String>> {
    let mut taking = BTreeMap::<String, BTreeSet<String>>::new();
    for lang in Lang::all() {
        let source = main_file(lang);
        let resource = parse(lang, &source);
        for (id, pattern) in messages(&resource) {
            let mut selects = Vec::new();
            walk(pattern, &mut selects, &mut BTreeSet::new());
            for select in selects {
                taking
                    .entry(id.to_owned())
                    .or_default()
                    .insert(select.variable.to_owned());
            }
        }
    }
    taking
}

/// The same messages in every language: a translation that lacks one would show Danish in
/// its place, and one Danish lacks would never be shown.
#[test]
fn every_language_has_every_message_of_the_danish_main_file() {
    let danish_source = main_file(Lang::DA);
    let danish_resource = parse(Lang::DA, &danish_source);
    let danish: BTreeSet<&str> = messages(&danish_resource).into_keys().collect();
    assert!(danish.len() > 300, "only {} Danish messages", danish.len());
    for lang in Lang::all().skip(1) {
        let source = main_file(lang);
        let resource = parse(lang, &source);
        let theirs: BTreeSet<&str> = messages(&resource).into_keys().collect();
        let missing: Vec<_> = danish.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&danish).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{}/main.ftl: missing {missing:?}, not in Danish {extra:?}",
            lang.code()
        );
    }
}

/// Every message that takes a number, in every language, rendered for 0, 1, 2, 3, 11 and 100:
/// each of its selects has every plural form of its language, and rendering it reports no
/// error (a missing variable, a missing message).
#[test]
fn every_message_that_takes_a_number_has_every_plural_form() {
    let taking = messages_taking_a_number();
    assert!(taking.contains_key("signup-seats-left"), "{taking:?}");
    assert!(taking.contains_key("form-errors-heading"), "{taking:?}");
    let mut problems = Vec::new();
    let mut rendered = 0;
    for lang in Lang::all() {
        let source = main_file(lang);
        let resource = parse(lang, &source);
        let patterns = messages(&resource);
        let mut bundle = FluentBundle::new(vec![lang.id().clone()]);
        bundle.set_use_isolating(false);
        bundle.add_builtins().unwrap();
        bundle
            .add_resource(FluentResource::try_new(source.clone()).unwrap())
            .unwrap();
        for (id, numbers) in &taking {
            let Some(pattern) = patterns.get(id.as_str()) else {
                problems.push(format!("{}: {id} is missing", lang.code()));
                continue;
            };
            let mut selects = Vec::new();
            let mut variables = BTreeSet::new();
            walk(pattern, &mut selects, &mut variables);
            for number in numbers {
                if !selects.iter().any(|select| select.variable == number) {
                    problems.push(format!(
                        "{}: {id} shows ${number} without choosing its form by it",
                        lang.code()
                    ));
                }
            }
            for select in &selects {
                let needed = categories(lang, select.ordinal);
                let missing: Vec<_> = needed
                    .iter()
                    .filter(|category| !select.keys.contains(category))
                    .collect();
                if !missing.is_empty() {
                    problems.push(format!(
                        "{}: {id} has no {missing:?} form for ${}",
                        lang.code(),
                        select.variable
                    ));
                }
            }
            let message = bundle.get_message(id).unwrap();
            for n in NUMBERS {
                let mut args = FluentArgs::new();
                for variable in &variables {
                    if numbers.contains(*variable) {
                        args.set(*variable, FluentValue::from(n));
                    } else {
                        args.set(*variable, FluentValue::from("Randers Nordby"));
                    }
                }
                let mut errors = Vec::new();
                let text =
                    bundle.format_pattern(message.value().unwrap(), Some(&args), &mut errors);
                rendered += 1;
                if !errors.is_empty() || text.contains('{') {
                    problems.push(format!("{}: {id} for {n}: {text} {errors:?}", lang.code()));
                }
            }
        }
    }
    println!("rendered {rendered} texts");
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A message that chooses its form by a number must be given the number as a number: as
/// text, Fluent matches `"1"` against no plural category and always shows the `other` form
/// ("1 ting, du skal rette" became "1 ting" only by luck).
#[test]
fn the_code_passes_numbers_as_numbers() {
    let taking = messages_taking_a_number();
    let as_text: Vec<String> = super::tests::keys_used_in_the_code()
        .into_iter()
        .filter(|used| taking.contains_key(&used.key))
        .filter(|used| matches!(used.function, "t_with" | "text_with" | "t" | "text"))
        .map(|used| format!("{}: {} through {}", used.file, used.key, used.function))
        .collect();
    assert!(
        as_text.is_empty(),
        "pass these through t_values or text_with_values: {as_text:#?}"
    );
}

/// The sections of `locales/da/main.ftl` residents read on the front page, the calendar, a
/// date's page, the sign-up form, its messages and its emails.
const PLAIN_SECTIONS: [&str; 7] = [
    "Page shell",
    "Errors",
    "Front page",
    "Calendar",
    "Forms",
    "Sign-ups",
    "Changing a sign-up, and reminders",
];

/// The words of `text`: its runs of letters and digits.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

/// The LIX readability index of running text: words per sentence plus the share (in percent)
/// of words longer than six letters. Danish writers aim below 35 for everyone's texts.
fn lix(sentences: &[String]) -> f64 {
    let mut total = 0usize;
    let mut long = 0usize;
    let mut count = 0usize;
    for text in sentences {
        let found = words(text);
        if found.is_empty() {
            continue;
        }
        total += found.len();
        long += found.iter().filter(|word| word.chars().count() > 6).count();
        // A sentence ends at . : ! or ? before a space (not inside "9.30"), and at the end of
        // a message.
        let trimmed = text.trim_end().trim_end_matches(['.', ':', '!', '?']);
        let inner = trimmed
            .char_indices()
            .filter(|(at, c)| {
                matches!(c, '.' | ':' | '!' | '?')
                    && trimmed[at + 1..].starts_with(char::is_whitespace)
            })
            .count();
        count += inner + 1;
    }
    if total == 0 {
        return 0.0;
    }
    total as f64 / count as f64 + 100.0 * long as f64 / total as f64
}

/// The text of a message's every variant, without its placeables.
fn plain_texts(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for variant in variants {
                    plain_texts(&variant.value, out);
                }
            }
            ast::PatternElement::Placeable { .. } => text.push(' '),
        }
    }
    out.push(text);
}

/// The Danish residents read is plain: each section's running text (messages of four words
/// or more; labels and headings are not running text) has a LIX of at most 35.
#[test]
fn the_danish_residents_read_is_plain() {
    let source = main_file(Lang::DA);
    let mut section = "";
    let mut texts = BTreeMap::<&str, Vec<String>>::new();
    let resource = parse(Lang::DA, &source);
    for entry in &resource.body {
        match entry {
            ast::Entry::ResourceComment(comment) | ast::Entry::GroupComment(comment) => {
                if let Some(title) = comment.content.first() {
                    section = title;
                }
            }
            ast::Entry::Message(ast::Message {
                value: Some(pattern),
                ..
            }) if PLAIN_SECTIONS.contains(&section) => {
                let mut variants = Vec::new();
                plain_texts(pattern, &mut variants);
                let running = variants.iter().map(|text| words(text).len()).sum::<usize>() >= 4;
                if running {
                    texts.entry(section).or_default().extend(variants);
                }
            }
            _ => {}
        }
    }
    let mut too_hard = Vec::new();
    for name in PLAIN_SECTIONS {
        let Some(sentences) = texts.get(name) else {
            continue;
        };
        let index = lix(sentences);
        println!("LIX {index:5.1}  {name} ({} texts)", sentences.len());
        if index > 35.0 {
            too_hard.push(format!("{name}: {index:.1}"));
        }
    }
    assert!(
        texts.len() >= 5,
        "found only {:?}: the sections moved",
        texts.keys()
    );
    assert!(too_hard.is_empty(), "LIX above 35: {too_hard:?}");
}

#[test]
fn lix_counts_words_long_words_and_sentences() {
    // 8 words in 2 sentences, 2 of them longer than six letters: 8/2 + 100·2/8 = 29.
    let text = ["Vi spiser sammen. Alle er velkomne hver tirsdag.".to_owned()];
    assert!((lix(&text) - 29.0).abs() < 0.01, "{}", lix(&text));
}
