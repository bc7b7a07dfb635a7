# English interface text. Write plainly: many readers have English as a second language.

## Page shell
language-name = English
language-choose = Language
date-at-time = { $date }, { $time }
date-and-time = { $date }, { $time }
skip-to-content = Go to the content
nav-menu = Menu
nav-label = Main menu
nav-home = Home
nav-news = News
nav-calendar = Calendar
nav-write = Write for { $magazine }
nav-login = Log in
nav-logout = Log out
nav-staff = Staff
nav-journalist = My pages
footer-run-by = This website is run by { $organisation }.
footer-contact = Contact:
footer-accessibility = Accessibility
footer-privacy = Privacy and cookies
contact-email = Email:
contact-phone = Phone:
contact-address = Address:
go-home = Go to the front page

## Errors
not-found-title = This page does not exist
not-found-text = We cannot find the page you are looking for. Maybe it has moved, or there is a mistake in the address.
server-error-title = Something went wrong
server-error-text = The error happened on our side, not yours. Please try again in a moment. If it keeps happening, contact us.
try-later-title = Please try again later
try-later-text = The site cannot save anything right now. What you sent has not been saved. Everything saved before is still there. Please try again in a moment.

## Front page
home-title = Welcome to { $site }
home-see-calendar = See what is happening
home-read-news = Read the news
home-areas = Housing areas
home-venues = Places in the neighbourhood
home-no-venues = No places have been added yet.

## Sections that open later
news-title = News
news-empty = There is no news yet. Please come back soon.

## Calendar
activity-summary-heading = In short
calendar-title = Calendar
calendar-coming = The next four weeks
calendar-view-list = List
calendar-view-month = Month
calendar-view-week = Week
calendar-week-heading = Week { $week }, { $year } ({ $from } – { $to })
calendar-pager = Change period
calendar-previous = ‹ Previous
calendar-next = Next ›
calendar-feed = Subscribe to the calendar (iCalendar)
calendar-feed-hint = Then the activities will appear in the calendar on your phone.
calendar-filter-area = Topic
calendar-filter-venue = Place
calendar-filter-all = All
calendar-filter-submit = Show
calendar-nothing = There are no activities in this period.
calendar-today = Today
calendar-day-empty = No activities.
calendar-month-caption = Activities in the month, week by week
occurrence-cancelled = Cancelled
occurrence-moved-from = Moved from { $date }
occurrence-cancelled-long = This day is cancelled.
occurrence-moved-long = This day has been moved. It was planned for { $date }.
share-title = Share
share-email = Email
occurrence-add-to-calendar = Add to my calendar
occurrence-all-dates = See all dates for this activity
activity-venue = Place
activity-price = Price
activity-signup = Sign-up
activity-accessibility = Accessibility
activity-contact = Contact
activity-dates = Next dates
activity-no-dates = There are no dates coming up.
activity-feed = Get the dates for your calendar
signup-none = You do not need to sign up. Just come.
signup-optional = You are welcome to sign up, but you can also just come.
signup-required = You must sign up.
home-this-week = This week
home-this-week-empty = Nothing is happening in the calendar for the rest of the week.
home-this-week-error = The calendar cannot be shown right now.
rule-once = Once, { $date }
rule-weekly = Every { $days }
rule-every-n-weeks = { $n ->
    [one] Every week, { $days }
   *[other] Every { $n } weeks, { $days }
}
rule-monthly = The { NUMBER($n, type: "ordinal") ->
    [one] { $n }st
    [two] { $n }nd
    [few] { $n }rd
   *[other] { $n }th
} { $day } of the month
rule-monthly-last = The last { $day } of the month
rule-until = , up to and including { $date }
rule-count = { $count ->
    [one] , 1 time in total
   *[other] , { $count } times in total
}
rule-no-weekday = Choose at least one day of the week.
rule-bad-interval = Write a number from 1 to 52.
rule-bad-nth = Choose which week of the month.
rule-ends-before-start = The end date must be after the first date.
rule-bad-count = Write a number from 1 to 1000.

## Write for the magazine
write-title = Write for { $magazine }
write-intro = Do you have a story from the neighbourhood, or have you taken some good photos? Then we would like to show them on the website and in { $magazine }.
write-who = Citizen journalists are residents who write or take photos as volunteers. You do not need to write perfect Danish. The editors will help you.
write-how = Do you want to join? Contact { $organisation }. Then you will get an invitation by email. After that, you can write and send photos directly here on the website.

## Log in
login-title = Log in
login-who = Staff and citizen journalists log in here.
login-residents = As a resident, you do not need to log in. You can read everything and sign up without logging in.
login-submit = Log in
login-forgot = Have you forgotten your password?
login-email-missing = Write your email address.
login-password-missing = Write your password.
login-failed = Wrong email or password. Try again, or ask for a new password.
login-already = You are logged in as { $name }.
login-go-on = Continue
notice-logged-out = You are logged out.
notice-session-ended = You have not been active for a while, so you have been logged out. Please log in again.
too-many-attempts = There have been too many tries. Wait a few minutes, and then try again.
csrf-refused-title = The form could not be sent
csrf-refused-text = The form was sent from another website, so we stopped it to protect you. Go back to the page, and try again.

## Forms
form-error-heading = There is a problem
form-errors-heading = { $count ->
    [one] There is 1 thing you need to fix
   *[other] There are { $count } things you need to fix
}
form-error-prefix = Error:
field-email = Email address
field-password = Password
field-name = Name
field-name-hint = Your name as other people will see it, for example under articles.
field-new-password = New password
field-current-password = Current password
field-role = Role
password-hint = At least 8 characters. A good idea is three or four words that do not belong together.
email-invalid = Write a valid email address, for example name@example.com.
name-missing = Write your name.
name-too-long = The name can have at most 100 characters.
role-missing = Choose a role.
password-current-wrong = The current password is wrong.

## Roles
role-admin = administrator
role-staff = staff member
role-journalist = citizen journalist

## Invitations and new passwords
invitation-title = Create your account
invitation-intro = You are invited with the email address { $email }. Choose your name and a password.
invitation-submit = Create account
link-expired = The link does not work any more. Maybe it has been used already, or it is too old.
link-ask-again = Ask for a new link
forgot-title = Forgotten password
forgot-intro = Write your email address. Then we will send you a link where you can choose a new password.
forgot-submit = Send link
notice-reset-sent = If the address belongs to an account, we have sent an email with a link. The link works for 1 hour. Please also look in your spam folder.
reset-title = Choose a new password
reset-intro = Choose a new password for { $email }.
reset-submit = Save new password

## Own account
account-language-title = Language of your emails
account-language-legend = Which language do you want the editors' emails in?
account-language-submit = Save language
account-language-unknown = Choose one of the languages in the list.
notice-language-saved = Your language is saved.
account-title = My account
account-role = Role
change-password-title = Change password
change-password-submit = Change password
notice-password-changed = Your password has been changed.
email-settings-title = Emails
email-settings-submissions = Send me an email when a citizen journalist sends a submission to the editors.
email-settings-submit = Save
notice-email-settings-saved = Your email choices have been saved.
forbidden-title = No access
forbidden-text = Your account does not have access to this page. Contact an administrator if you need it.
forbidden-go-on = Go to your own pages

## Two-factor login
two-factor-title = Two-step login
two-factor-intro = With two-step login, you also type a code from an app on your phone when you log in. Then nobody can log in with your password alone.
two-factor-required = You are an administrator. Turn on two-step login before you use the staff pages.
two-factor-step-app = Get an app that makes codes. It can be Microsoft Authenticator, Google Authenticator or your password app.
two-factor-step-scan = Scan the QR code with the app. You can also open the link on your phone or type the key into the app.
two-factor-qr = QR code for your app
two-factor-open-link = Open in the app on this phone
two-factor-secret = Key
two-factor-step-code = Type the 6-digit code that the app shows.
field-two-factor-code = Code from the app
two-factor-submit = Turn on two-step login
two-factor-on = Two-step login is on for your account.
two-factor-codes-left = { $count ->
    [one] You have { $count } backup code left.
   *[other] You have { $count } backup codes left.
}
two-factor-lost = If you lose your phone, you can log in with a backup code. Then ask an administrator to reset your two-step login.
two-factor-back = Back to My account
two-factor-codes-title = Your backup codes
two-factor-codes-intro = Save the codes now, on paper or in your password app. They are shown only this once. If you lose your phone, you can log in with one of them. Each code works once.
two-factor-codes-done = I have saved the codes
two-factor-code-missing = Type the code from the app.
two-factor-code-wrong = The code is not right. Type the newest code from the app.
two-factor-start-again = Something went wrong. Scan the new QR code and try again.
two-factor-already-on = Two-step login is already on.
account-two-factor-off = Two-step login is not on.
account-two-factor-set-up = Turn on two-step login
account-two-factor-see = See your backup codes
second-step-title = Type the code from your app
second-step-intro = Open the app on your phone and type the 6-digit code it shows. If you have lost your phone, type one of your backup codes.
field-second-step-code = Code
second-step-submit = Log in
second-step-start-again = Start again
second-step-code-missing = Type the code from the app or a backup code.
second-step-wrong = The code is not right. Type the newest code from the app or a backup code.

## Emails
email-signature = Kind regards
    { $site }
email-invitation-subject = Invitation to { $site }
email-invitation-body = You are invited to join the website { $site }. Your role will be: { $role }.
email-invitation-valid = Click the link to choose your name and a password. The link works for 7 days, and you can only use it once.
email-invitation-action = Create your account
email-invitation-ignore = If you do not know about this invitation, you can simply delete this email.
email-reset-subject = New password for { $site }
email-reset-body = Someone has asked for a new password for your account on { $site }.
email-reset-valid = Click the link to choose a new password. The link works for 1 hour, and you can only use it once.
email-reset-action = Choose a new password
email-reset-ignore = If it was not you, you can simply delete this email. Your password has not been changed.
email-account-action = Go to your account
email-two-factor-not-you = If it was not you, change your password at once and contact an administrator.
email-two-factor-on-subject = Two-step login is on at { $site }
email-two-factor-on-body = Two-step login is now on for your account at { $site }. When you log in, you also type a code from your app.
email-two-factor-on-codes = Keep your backup codes in a safe place.
email-recovery-used-subject = A backup code was used at { $site }
email-recovery-used-body = Someone logged in to your account at { $site } with one of your backup codes.
email-two-factor-reset-subject = Your two-step login was reset at { $site }
email-two-factor-reset-body = An administrator has turned off two-step login for your account at { $site }. You can turn it on again under My account.

## Accessibility statement (/was)
was-title = Accessibility statement
was-scope = This statement is for the website { $site }. We want everyone to be able to use the website, also with a screen reader, with a keyboard, on a small phone and without JavaScript.
was-status-heading = How accessible is the website?
was-status = The website partly meets the standard WCAG 2.1 at level AA. We do not know of any errors, but an expert has not checked the website yet. That is why we write "partly".
was-how-heading = How we test
was-how-axe = Every page is tested automatically with the tool axe-core every time we change the website.
was-how-keyboard = All links and buttons can be used with the keyboard, and there is a link to skip the menu.
was-how-phone = The pages are made for phones with screens down to 360 pixels wide, with big buttons.
was-how-nojs = Everything also works when JavaScript is turned off.
was-known-heading = Known problems
was-known = We do not know of any problems right now. The website was made in Danish first. The English version is new, and Arabic will come later.
was-feedback-heading = Tell us about problems
was-feedback = If it is hard for you to use a part of the website, please write to or call { $organisation }. We will answer as fast as we can.
was-complaint-heading = Complaints
was-complaint = If you are not happy with our answer, you can complain to Digitaliseringsstyrelsen (the Danish Agency for Digital Government). It checks that public websites are accessible.
was-complaint-link = Go to Digitaliseringsstyrelsen
was-date = This statement was written on 26 November 2026.

## Privacy (/privatliv)
privacy-title = Privacy and cookies
privacy-controller = { $organisation } is responsible for the information that the website saves.
privacy-reading-heading = When you read the website
privacy-reading = When you read the website, we do not save any information about you. We do not set any cookies, and we never save your IP address.
privacy-counting-heading = How we count visitors
privacy-counting = We have to report how many people use the website. So we count visits to the pages. We do this ourselves, on our own server, without cookies, without JavaScript and without other companies.
privacy-counting-how = When you open a page, the server makes a random number from today's secret key, your IP address, the name of your browser and the name of the website. Nobody can use this number to find out who you are. The key is new every day, and it is deleted shortly after midnight. So nobody, not even us, can see if two visits on different days came from the same person.
privacy-counting-stored = We only save: how many different visitors there were each day, how many times each page was shown, if the visit was from a phone, a tablet or a computer, and the name of the website that a link came from (for example google.com, never the full address). The random numbers for the day are deleted together with the key when the day has been counted.
privacy-counting-never = We never save your IP address or the name of your browser, not in the database and not in the log. We do not count robots, like search engines. We also do not count staff and citizen journalists who are logged in.
privacy-counting-loss = The numbers are collected for a few seconds at a time before they are saved. If the server stops, the visits from the last few seconds may be missing from the numbers.
privacy-login-cookie = Staff and citizen journalists who log in get one cookie. It remembers that they are logged in, and it is deleted when they log out. It is not used for anything else.
privacy-no-tracking = We do not use Google Analytics, Facebook or other companies to follow what you do.
privacy-sharing = Below articles and activities there are links to share the page on Facebook, on WhatsApp or by email. They are ordinary links: the page loads nothing from Facebook or WhatsApp, and they learn nothing about you until you tap one of them yourself.
privacy-later-heading = When you sign up for an activity
privacy-later = When you sign up, we save your name, how many adults and children are coming, your email or phone number if you write it, and your message. We only use this for the sign-up: to keep track of the seats and to write to you about it. You do not get a cookie.
privacy-retention = Name, email, phone and message are deleted automatically { $days ->
    [one] 1 day
   *[other] { $days } days
} after the activity. We only keep the number of people who came, without names, because we have to report how many came.
privacy-newsletter-heading = When you get the newsletter
privacy-newsletter = We keep your email address, your language and what you chose. If you do not confirm within 7 days, we delete the address. The newsletter has no hidden images, and we do not see whether you open it or what you click. When you unsubscribe, we delete the address at once.
privacy-rights-heading = Your rights
privacy-rights = You have the right to know what information we have about you. You can also ask us to correct it or delete it.
privacy-complaint = If you think that we handle your information in the wrong way, you can complain to Datatilsynet (the Danish Data Protection Agency).
privacy-complaint-link = Go to Datatilsynet

## Passwords
password-too-short = The password must have at least 8 characters.
password-too-long = The password can have at most 256 characters.
password-too-common = That password is too easy to guess. Try, for example, three or four words that do not belong together.

## Sign-ups
signup-name-missing = Write your name.
signup-adults-invalid = Write how many adults are coming, at least 1.
signup-children-invalid = Write how many children are coming, or 0 if none.
signup-contact-invalid = Write an email address or a phone number with at least 8 digits.
signup-note-too-long = The message can have at most 500 characters.
signup-closed = You cannot sign up for this date.
signup-email-manage = Here you can see your sign-up or cancel it:
signup-email-confirmed-subject = You are signed up: { $activity }
signup-email-confirmed = Hi { $name }. Thank you for signing up. There is room for you.
signup-email-waitlisted-subject = You are on the waiting list: { $activity }
signup-email-waitlisted = Hi { $name }. There is no room right now, so you are on the waiting list. If a place becomes free, you will get an email.
signup-email-promoted-subject = There is room for you: { $activity }
signup-email-promoted = Hi { $name }. A place has become free, so now you are signed up. If you cannot come after all, use the link in your first email.
signup-title = Sign up
signup-seats-left = { $seats ->
    [one] There is 1 free seat.
   *[other] There are { $seats } free seats.
}
signup-full = It is full. If you sign up now, you will be on the waiting list, and we will tell you if a place becomes free.
signup-field-name = Your name
signup-field-adults = Number of adults
signup-field-children = Number of children
signup-field-contact = Email or phone (optional)
signup-field-contact-hint = Write your email if you want a confirmation and a link to cancel.
signup-field-note = Message (optional)
signup-field-note-hint = For example allergies, or if you need help.
signup-data-use = We only use your information for the sign-up. We delete name, email, phone and message { $days ->
    [one] 1 day
   *[other] { $days } days
} after the activity.
signup-submit = Sign up
signup-manage-title = Your sign-up
notice-signed-up = Thank you. We have received your sign-up. Save the link to this page if you want to cancel later.
notice-signup-cancelled = Your sign-up is cancelled. Thank you for telling us.
signup-status-confirmed = You are signed up. There is room for you.
signup-status-waitlisted = You are on the waiting list. If places become free, people move up in the order they signed up.
signup-status-cancelled = This sign-up has been cancelled.
signup-what = Activity
signup-when = Time
signup-who = Number of people
signup-party = { $adults ->
    [one] 1 adult
   *[other] { $adults } adults
} and { $children ->
    [one] 1 child
   *[other] { $children } children
}
signup-keep-link = The address of this page is only for you. Do not share it with others.
signup-cancel-hint = Can you not come after all? Then please cancel, so other people can get your seats.
signup-cancel = Cancel sign-up
signup-party-too-big = { $max ->
    [one] One sign-up can be for 1 person at most.
   *[other] One sign-up can be for { $max } people at most, adults and children together.
}
signup-max-party-hint = { $max ->
    [one] At most 1 person on one sign-up.
   *[other] At most { $max } people on one sign-up.
}
signup-too-many = Many sign-ups have come from your internet connection in a short time. Wait a little, and then try again. What you have written is saved here.
signup-not-sent = The sign-up was not sent. Check the fields, and press Sign up again.
signup-field-honeypot = Leave this field empty

## Changing a sign-up, and reminders
signup-change-title = Change the number of people
signup-change-submit = Save the change
signup-change-closed = You cannot change this sign-up any more.
signup-change-no-room = There is not room for that many people. You keep the seats you already have.
notice-party-changed = The change has been saved.
signup-email-reminder-subject = Reminder for tomorrow: { $activity }
signup-email-reminder = Hi { $name }. We look forward to seeing you tomorrow. If you cannot come after all, please use the link in your first email to cancel, so other people can get your seats.

## News and the magazine
news-all = All news
news-feed = News as a feed (Atom)
news-pages = Pages
news-previous = ‹ Newer
news-next = Older ›
news-page-of = Page { $page } of { $pages }
news-tag-title = News about { $tag }
news-tags = Topics
news-from-issue = From
news-more-by = More by { $name }
news-byline = By { $name }
feed-title = News from { $site }
search-title = Search the news
search-label = Search for
search-submit = Search
search-none = We found no news with "{ $query }". Try another word.
search-count = { $count ->
    [one] We found 1 news story with "{ $query }".
   *[other] We found { $count } news stories with "{ $query }".
}
magazine-title = Nordbyposten
magazine-intro = The neighbourhood magazine comes out three times a year. Here you can read all the articles.
magazine-empty = There are no issues yet.
magazine-all-issues = All issues of Nordbyposten
magazine-print = Print the whole issue
magazine-contents = Contents

## Citizen journalism: the journalist's submissions
journalist-intro = Here you write articles and send photos to the editors. The editors read them, and they answer you here and by email.
journalist-my-submissions = Your submissions
journalist-no-submissions = You have not written anything yet.
journalist-back = Back to your pages
submission-new = New submission
submission-untitled = (no title)
submission-photo-count = { $count ->
    [one] 1 photo
   *[other] { $count } photos
}
submission-newest-comment = Latest comment:
submission-field-title = Title
submission-field-body = Text
submission-field-body-hint = Write the way you talk. Leave an empty line between paragraphs. You can send photos with little or no text.
submission-photos = Photos
submission-photos-hint = { $max ->
    [one] You can send 1 photo.
   *[other] You can send up to { $max } photos.
} Add one at a time, and press "Save draft" for each photo.
submission-photo-new = Add a photo
submission-photo-caption = Photo caption
submission-photo-alt = Description of the photo
submission-photo-remove = Remove the photo
submission-consent = The people in the photos have said yes to showing the photos. For children, the parents have said yes.
submission-consent-hint = You must tick this when you send photos.
submission-save = Save draft
submission-send = Send to the editors
submission-see-article = See the article
submission-state-help-draft = Only you can see it. Send it to the editors when you are ready.
submission-state-help-sent = The editors have it and are reading it. You will get an email when they answer.
submission-state-help-changes = The editors ask you to change something. Read their comment below, change the text, and send it again.
submission-state-help-rejected = The editors will not publish it. You can read why below.
submission-state-help-published = It has been published. Thank you for your help!
submission-thread = History and comments
submission-someone = A former user
submission-comment-field = Write a comment
submission-comment-submit = Send comment
submission-state-draft = Draft
submission-state-sent = Sent to the editors
submission-state-changes = Change and send again
submission-state-rejected = Rejected
submission-state-published = Published
submission-event-created = { $who } started the submission
submission-event-sent = { $who } sent it to the editors
submission-event-comment = { $who } wrote
submission-event-changes = { $who } asked for changes
submission-event-rejected = { $who } rejected it
submission-event-published = { $who } published it
notice-submission-saved = Your draft has been saved.
notice-submission-sent = Thank you! Your submission has been sent to the editors.
notice-comment-saved = Your comment has been sent.
notice-changes-asked = The journalist has been asked to make changes.
notice-submission-rejected = The submission has been rejected, and the journalist has been told.
submission-title-missing = Write a title.
submission-empty = Write a text, or add at least one photo, before you send.
submission-photo-alt-missing = Write briefly what the photo shows. Then blind people can also know what is in it.
submission-photo-text-too-long = The caption and the description can have at most 500 characters each.
submission-photo-too-many = There can be at most 10 photos. Remove a photo before you add a new one.
submission-consent-missing = Tick the box when the people in the photos have said yes. Without their yes, we cannot show the photos.
submission-comment-missing = Write your comment.
submission-changes-missing = Write what the journalist should change.
submission-reason-missing = Write why the submission is rejected.
submission-message-too-long = The text can have at most 5,000 characters.
submission-issue-unknown = Choose an issue from the list.

## Citizen journalism: emails
email-submission-sent-subject = New submission: { $title }
email-submission-sent-body = { $author } has sent "{ $title }" to the editors of { $site }. It is waiting for you to read it.
email-submission-resent-subject = Changed submission: { $title }
email-submission-resent-body = { $author } has changed "{ $title }" and sent it again. It is waiting for you to read it.
email-submission-comment-subject = New comment on "{ $title }"
email-submission-comment-body = The editors have written a comment on "{ $title }":
email-submission-changes-subject = Please change "{ $title }"
email-submission-changes-body = The editors have read "{ $title }" and ask you to change something before it can be published. They write:
email-submission-rejected-subject = "{ $title }" will not be published
email-submission-rejected-body = The editors have read "{ $title }". Sadly, they have decided not to publish it. They write:
email-submission-published-subject = "{ $title }" is published
email-submission-published-body = Thank you! "{ $title }" is now published on { $site } with your name.
email-submission-open = Read the submission
email-submission-see = See your submission
email-submission-see-article = See the article
email-submission-closing = You can answer the editors on the website.

## The newsletter
newsletter-title = Newsletter
newsletter-intro = Get the week's activities and news by email every week. You do not need an account.
newsletter-subscribe-title = Get the newsletter
newsletter-subscribe-intro = Every week: the week's activities and the latest news. You can unsubscribe at any time.
newsletter-subscribe-submit = Subscribe
newsletter-field-email = Your email
newsletter-field-email-hint = We send an email with a link. You must click the link first.
newsletter-email-missing = Write your email address.
newsletter-too-many = Many subscriptions were sent from here. Please try again in an hour.
newsletter-notice-check-mail = Check your email now. Click the link in it to get the newsletter.
newsletter-notice-left = You have unsubscribed. We have deleted your email address.
newsletter-notice-saved = Your choices are saved.
newsletter-archive-title = Earlier newsletters
newsletter-archive-empty = No newsletters have been sent yet.
newsletter-archive-link = All newsletters
newsletter-week-title = Newsletter week { $week }, { $year }
newsletter-sent-on = Sent { $date }
newsletter-dates-title = Activities this week
newsletter-news-title = News
newsletter-no-dates = None of your activities take place this week.
newsletter-no-news = There is no new news.
newsletter-sign-up = Sign up here
seats-just-come = Just come
seats-open = Sign-up is open
seats-free = { $count ->
    [one] { $count } free place
   *[other] { $count } free places
}
seats-full = Full – waiting list
seats-cancelled = Cancelled
newsletter-confirm-title = Confirm your newsletter
newsletter-confirm-save = Confirm and save
newsletter-manage-title = Your newsletter
newsletter-manage-save = Save my choices
newsletter-manage-address = The newsletter goes to { $email }.
newsletter-manage-paused = We paused the newsletter because your email could not receive it. Save your choices to get it again.
newsletter-choose-legend = What would you like?
newsletter-choose-everything = All activities
newsletter-choose-some = Only what I choose below
newsletter-choose-activities = Activities
newsletter-choose-activities-hint = Tick what you want to hear about.
newsletter-choose-areas = Focus areas
newsletter-choose-none = Choose at least one activity or area. Or choose all activities.
newsletter-leave-title = Unsubscribe from the newsletter
newsletter-leave-intro = You will get no more newsletters. We delete your email address at once.
newsletter-leave-submit = Unsubscribe
newsletter-leave-instead = No, I would rather change my choices
newsletter-email-subject = This week from { $site }, week { $week }
newsletter-email-change = Choose what you get
newsletter-email-leave = Unsubscribe
newsletter-email-web = Read the newsletter on the web
newsletter-email-confirm-subject = Confirm the newsletter from { $site }
newsletter-email-confirm-body = You asked for the newsletter from { $site }. Click the link to say yes.
newsletter-email-confirm-choose = There you can also choose which activities you want to hear about.
newsletter-email-confirm-action = Yes, send me the newsletter
newsletter-email-confirm-ignore = Did you not ask for it? Then do nothing. We delete the address after 7 days.
newsletter-email-already-subject = Your newsletter from { $site }
newsletter-email-already-body = You already get the newsletter from { $site }. With the link you can change what you get, or unsubscribe.
newsletter-email-already-action = See my newsletter
newsletter-email-already-ignore = Did you not ask for it? Then do nothing.
