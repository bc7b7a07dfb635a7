//! The staff's review of the citizen journalists' submissions: `/personale/indsendelser` (the
//! queue, those waiting first) and `/personale/indsendelser/{id}` (a submission with its photos and
//! history; comment, ask for changes, reject with a reason, or edit and publish it).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    components::{
        data::{edit_page, or_refused, Loaded},
        submissions::{state_label, SubmissionList, SubmissionText, Thread},
    },
    forms::{
        feedback_for, notice_from_query, ErrorSummary, Field, FormFeedback, FormFields, Notice,
        SelectField, TextArea,
    },
    i18n::{t, t_with},
    submissions::{
        api::{load_queue, load_review, ReviewData},
        review_path, SubmissionState, SubmissionSummary,
    },
};

/// `/personale/indsendelser`.
#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let data = OnceResource::new_blocking(load_queue());
    let show = |submissions: Vec<SubmissionSummary>| {
        let waiting = submissions
            .iter()
            .filter(|submission| submission.state == SubmissionState::Sent)
            .count();
        let summary = t_with("review-waiting", &[("count", waiting.to_string())]);
        if submissions.is_empty() {
            return view! { <p>{t("review-empty")}</p> }.into_any();
        }
        view! {
            <p>{summary}</p>
            <SubmissionList submissions staff=true />
        }
        .into_any()
    };
    view! {
        <Title text=t("review-title") />
        <h1>{t("review-title")}</h1>
        <p>{t("review-intro")}</p>
        <Loaded data show />
    }
}

/// `/personale/indsendelser/{id}`.
#[component]
pub fn ReviewPage() -> impl IntoView {
    edit_page(|id| {
        let data = OnceResource::new_blocking(load_review(id));
        let show = or_refused(|data| view! { <Review data /> });
        view! { <Loaded data show /> }
    })
}

#[component]
fn Review(data: ReviewData) -> impl IntoView {
    let ReviewData {
        submission,
        publish,
        issues,
    } = data;
    let notice = notice_from_query(&[
        ("kommenteret", "notice-comment-saved"),
        ("aendringer", "notice-changes-asked"),
        ("afvist", "notice-submission-rejected"),
    ]);
    let base = review_path(submission.id);
    let deciding = submission.state.awaits_decision();
    let article = submission.article_path.clone().map(|href| {
        view! {
            <p>
                <a href=href>{t("submission-see-article")}</a>
            </p>
        }
    });
    let decisions = deciding.then(|| {
        let ask = (submission.state == SubmissionState::Sent).then(|| {
            view! { <MessageStep form="changes" field="changes" action=format!("{base}/aendringer") /> }
        });
        view! {
            {ask}
            <PublishForm
                action=format!("{base}/udgiv")
                form=publish.clone()
                issues=issues.clone()
            />
            <MessageStep form="reject" field="reason" action=format!("{base}/afvis") />
        }
    });
    let title = if submission.title.is_empty() {
        t("submission-untitled")
    } else {
        submission.title.clone()
    };
    view! {
        <Title text=title.clone() />
        <p>
            <a href="/personale/indsendelser">{t("review-back")}</a>
        </p>
        <h1>{title}</h1>
        <Notice text=notice />
        <p class="submission-state">
            <strong>{state_label(submission.state)}</strong>
            " · "
            {t_with("review-by", &[("name", submission.author_name.clone())])}
        </p>
        {article}
        <SubmissionText submission=submission.clone() />
        <Thread events=submission.events.clone() action=format!("{base}/kommentar") />
        {decisions}
    }
    .into_any()
}

/// A step that needs a text: asking for changes (what to change) or rejecting (why). Its heading,
/// label and button are the messages `review-{form}-title`, `-field` and `-submit`.
#[component]
fn MessageStep(form: &'static str, field: &'static str, action: String) -> impl IntoView {
    let heading = t(&format!("review-{form}-title"));
    let label = t(&format!("review-{form}-field"));
    let button = t(&format!("review-{form}-submit"));
    let posted = feedback_for(form);
    let heading_id = format!("{form}-title");
    let labelled_by = heading_id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <ErrorSummary feedback=posted.clone() />
            <form method="post" action=action class="form">
                <FormFields feedback=posted.unwrap_or_else(|| FormFeedback::for_form(form))>
                    <TextArea name=field label />
                    <button type="submit" class="button button--secondary">
                        {button}
                    </button>
                </FormFields>
            </form>
        </section>
    }
}

/// Publishing: the title, lead and text as staff may have edited them, and the issue.
#[component]
fn PublishForm(action: String, form: FormFeedback, issues: Vec<(i64, String)>) -> impl IntoView {
    let posted = feedback_for("publish");
    let f = posted.clone().unwrap_or(form);
    let issues: Vec<(String, String)> = std::iter::once((String::new(), t("article-no-issue")))
        .chain(
            issues
                .into_iter()
                .map(|(id, title)| (id.to_string(), title)),
        )
        .collect();
    view! {
        <section aria-labelledby="publish-title">
            <h2 id="publish-title">{t("review-publish-title")}</h2>
            <p>{t("review-publish-intro")}</p>
            <ErrorSummary feedback=posted />
            <form method="post" action=action class="form form--wide">
                <FormFields feedback=f>
                    <Field name="heading" label=t("article-field-title") required=true />
                    <TextArea
                        name="lead"
                        label=t("article-field-lead")
                        hint=t("article-field-lead-hint")
                    />
                    <TextArea
                        name="body"
                        label=t("article-field-body")
                        hint=t("article-field-body-hint")
                    />
                    <SelectField name="issue" label=t("article-field-issue") options=issues />
                    <button type="submit" class="button">
                        {t("review-publish-submit")}
                    </button>
                </FormFields>
            </form>
        </section>
    }
}
