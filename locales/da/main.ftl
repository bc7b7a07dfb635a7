# Danish interface text. Write plainly: many readers have Danish as their second language.
# { $name } is filled in by the program; keep it where it makes sense in the sentence.

## Page shell
skip-to-content = Gå til indholdet
nav-label = Hovedmenu
nav-home = Forside
nav-news = Nyheder
nav-calendar = Kalender
nav-write = Skriv til { $magazine }
nav-login = Log ind
nav-logout = Log ud
nav-staff = Personale
nav-journalist = Mine sider
footer-run-by = Hjemmesiden drives af { $organisation }.
footer-contact = Kontakt:
footer-accessibility = Tilgængelighed
footer-privacy = Privatliv og cookies
contact-email = E-mail:
contact-phone = Telefon:
contact-address = Adresse:
go-home = Gå til forsiden

## Errors
not-found-title = Siden findes ikke
not-found-text = Vi kan ikke finde den side, du leder efter. Måske er den flyttet, eller der er en fejl i adressen.
server-error-title = Noget gik galt
server-error-text = Der skete en fejl hos os, ikke hos dig. Prøv igen om lidt. Hvis det bliver ved, så kontakt os.

## Front page
home-title = Velkommen til { $site }
home-see-calendar = Se hvad der sker
home-read-news = Læs nyhederne
home-areas = Boligområder
home-venues = Steder i kvarteret
home-no-venues = Der er ikke skrevet nogen steder ind endnu.

## Sections that open later
news-title = Nyheder
news-empty = Der er ingen nyheder endnu. Kig forbi igen snart.

## Calendar
calendar-title = Kalender
calendar-coming = De næste fire uger
calendar-view-list = Liste
calendar-view-month = Måned
calendar-view-week = Uge
calendar-week-heading = Uge { $week }, { $year } ({ $from } – { $to })
calendar-pager = Skift periode
calendar-previous = ‹ Forrige
calendar-next = Næste ›
calendar-feed = Abonnér på kalenderen (iCalendar)
calendar-feed-hint = Så kommer aktiviteterne ind i kalenderen på din telefon.
calendar-filter-area = Indsatsområde
calendar-filter-venue = Sted
calendar-filter-all = Alle
calendar-filter-submit = Vis
calendar-nothing = Der er ingen aktiviteter i denne periode.
calendar-today = I dag
calendar-day-empty = Ingen aktiviteter.
calendar-month-caption = Aktiviteter i måneden, uge for uge
occurrence-cancelled = Aflyst
occurrence-moved-from = Flyttet fra { $date }
occurrence-cancelled-long = Denne dag er aflyst.
occurrence-moved-long = Denne dag er flyttet. Den skulle have været { $date }.
occurrence-add-to-calendar = Tilføj til min kalender
occurrence-all-dates = Se alle datoer for aktiviteten
activity-venue = Sted
activity-focus-area = Indsatsområde
activity-price = Pris
activity-signup = Tilmelding
activity-accessibility = Tilgængelighed
activity-contact = Kontakt
activity-dates = Kommende datoer
activity-no-dates = Der er ingen kommende datoer.
activity-feed = Hent datoerne til din kalender
signup-none = Du skal ikke tilmelde dig. Bare mød op.
signup-optional = Du må gerne tilmelde dig, men du kan også bare møde op.
signup-required = Du skal tilmelde dig.
home-this-week = Denne uge
home-this-week-empty = Der sker ikke noget i kalenderen resten af ugen.
home-this-week-error = Kalenderen kan ikke vises lige nu.
and = og
rule-once = Én gang, { $date }
rule-weekly = Hver { $days }
rule-every-n-weeks = Hver { $n }. uge, { $days }
rule-monthly = Den { $n }. { $day } i måneden
rule-monthly-last = Den sidste { $day } i måneden
rule-until = , til og med { $date }
rule-count = , { $count } gange i alt
rule-no-weekday = Vælg mindst én ugedag.
rule-bad-interval = Skriv et tal mellem 1 og 52.
rule-bad-nth = Vælg hvilken uge i måneden.
rule-ends-before-start = Slutdatoen skal ligge efter den første dato.
rule-bad-count = Skriv et antal mellem 1 og 1000.
weekday-mon = mandag
weekday-tue = tirsdag
weekday-wed = onsdag
weekday-thu = torsdag
weekday-fri = fredag
weekday-sat = lørdag
weekday-sun = søndag
month-1 = januar
month-2 = februar
month-3 = marts
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Write for the magazine
write-title = Skriv til { $magazine }
write-intro = Har du en historie fra kvarteret, eller har du taget gode billeder? Så vil vi gerne have dem med på hjemmesiden og i { $magazine }.
write-who = Borgerjournalister er beboere, der skriver eller fotograferer som frivillige. Du behøver ikke skrive perfekt dansk. Redaktionen hjælper dig.
write-how = Vil du være med? Kontakt { $organisation }. Så får du en invitation på e-mail, og derefter kan du skrive og sende billeder direkte her på siden.

## Log in
login-title = Log ind
login-who = Her logger medarbejdere og borgerjournalister ind.
login-residents = Som beboer skal du ikke logge ind. Du kan læse alt og tilmelde dig uden at logge ind.
login-submit = Log ind
login-forgot = Har du glemt din adgangskode?
login-email-missing = Skriv din e-mailadresse.
login-password-missing = Skriv din adgangskode.
login-failed = Forkert e-mail eller adgangskode. Prøv igen, eller bed om en ny adgangskode.
login-already = Du er logget ind som { $name }.
login-go-on = Gå videre
notice-logged-out = Du er logget ud.
notice-session-ended = Du har ikke været aktiv i et stykke tid, så du er blevet logget ud. Log ind igen.
too-many-attempts = Der har været for mange forsøg. Vent et par minutter, og prøv så igen.
csrf-refused-title = Formularen kunne ikke sendes
csrf-refused-text = Formularen blev sendt fra en anden hjemmeside, så vi har afvist den for at beskytte dig. Gå tilbage til siden, og prøv igen.

## Forms
form-error-heading = Der er et problem
form-errors-heading = { $count ->
    [one] Der er 1 ting, du skal rette
   *[other] Der er { $count } ting, du skal rette
}
form-error-prefix = Fejl:
field-email = E-mailadresse
field-password = Adgangskode
field-name = Navn
field-name-hint = Dit navn, som andre skal se det, fx under artikler.
field-new-password = Ny adgangskode
field-current-password = Nuværende adgangskode
field-role = Rolle
password-hint = Mindst 8 tegn. Brug gerne tre eller fire ord, der ikke hører sammen.
email-invalid = Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.
name-missing = Skriv dit navn.
name-too-long = Navnet må højst have 100 tegn.
role-missing = Vælg en rolle.
password-current-wrong = Den nuværende adgangskode er forkert.

## Roles
role-admin = administrator
role-staff = medarbejder
role-journalist = borgerjournalist

## Invitations and new passwords
invitation-title = Opret din konto
invitation-intro = Du er inviteret med e-mailadressen { $email }. Vælg dit navn og en adgangskode.
invitation-submit = Opret konto
link-expired = Linket virker ikke længere. Det er måske brugt, eller det er for gammelt.
link-ask-again = Bed om et nyt link
forgot-title = Glemt adgangskode
forgot-intro = Skriv din e-mailadresse. Så sender vi et link, hvor du kan vælge en ny adgangskode.
forgot-submit = Send link
notice-reset-sent = Hvis adressen hører til en konto, har vi sendt en e-mail med et link. Linket virker i 1 time. Kig også i din spam-mappe.
reset-title = Vælg en ny adgangskode
reset-intro = Vælg en ny adgangskode til { $email }.
reset-submit = Gem ny adgangskode

## Own account
account-title = Min konto
account-role = Rolle
change-password-title = Skift adgangskode
change-password-submit = Skift adgangskode
notice-password-changed = Din adgangskode er skiftet.
email-settings-title = E-mails
email-settings-submissions = Send mig en e-mail, når en borgerjournalist sender en indsendelse til redaktionen.
email-settings-submit = Gem
notice-email-settings-saved = Dine valg om e-mails er gemt.
forbidden-title = Ingen adgang
forbidden-text = Du har ikke adgang til denne side med din konto. Kontakt en administrator, hvis du skal bruge den.
forbidden-go-on = Gå til dine egne sider

## Staff area
staff-title = Personale
staff-greeting = Hej { $name }.
staff-link-account = Se din konto, og skift din adgangskode.
staff-link-review = Læs borgerjournalisternes artikler og billeder, svar dem, og udgiv dem.
staff-link-invite-journalists = Invitér nye borgerjournalister.
staff-nav-label = Personalets værktøjer
staff-nav-review-waiting = Indsendelser ({ $count } venter)
staff-link-users = Invitér medarbejdere og borgerjournalister, og luk konti.
staff-link-outbox = Se de e-mails, siden har sendt eller skal sende.
staff-link-audit = Se hvem der har gjort hvad.
journalist-title = Mine sider
users-title = Brugere
users-list-title = Alle brugere
invite-title = Invitér en ny bruger
invite-intro = Personen får en e-mail med et link. Linket virker i 7 dage.
invite-submit = Send invitation
invite-journalist-title = Invitér en borgerjournalist
invite-journalist-intro = Borgerjournalisten får en e-mail med et link. Linket virker i 7 dage. Kun administratorer kan invitere medarbejdere og lukke konti.
invite-already-member = Der findes allerede en konto med den e-mailadresse.
invite-pending-other-role = Adressen er allerede inviteret med en anden rolle. Bed en administrator om at ændre den.
notice-invited = Invitationen er sendt.
notice-disabled = Kontoen er lukket. Personen er logget ud.
notice-enabled = Kontoen er åbnet igen.
user-status = Status
user-status-active = Aktiv
user-status-invited = Inviteret
user-status-disabled = Lukket
user-actions = Handlinger
user-disable = Luk konto
user-enable = Åbn konto
outbox-title = Udbakke
outbox-intro = Alle e-mails, som siden sender, står her. Hvis en e-mail ikke kan sendes, prøver siden igen senere.
outbox-empty = Der er ingen e-mails endnu.
outbox-queued = Venter
outbox-sent = Sendt
outbox-failed = Fejlet
outbox-created = Oprettet
outbox-to = Til
outbox-subject = Emne
outbox-attempts = Forsøg
outbox-sent-at = Sendt
outbox-error = Seneste fejl
audit-title = Log
audit-intro = Her står, hvem der har gjort hvad. De nyeste står først.
audit-empty = Der står ikke noget i loggen endnu.
audit-system = Systemet
audit-at = Tidspunkt
audit-actor = Hvem
audit-action = Hvad
audit-details = Detaljer
audit-invite-user = Inviterede en bruger
audit-accept-invitation = Oprettede sin konto
audit-reset-password = Valgte ny adgangskode via link
audit-change-password = Skiftede adgangskode
audit-disable-user = Lukkede en konto
audit-enable-user = Åbnede en konto igen
audit-log-in = Loggede ind
audit-publish-submission = Udgav en borgerjournalists indsendelse

## Emails
email-signature = Venlig hilsen
    { $site }
email-invitation-subject = Invitation til { $site }
email-invitation-body = Du er inviteret til at være { $role } på hjemmesiden { $site }.
email-invitation-valid = Klik på linket for at vælge dit navn og en adgangskode. Linket virker i 7 dage, og det kan kun bruges én gang.
email-invitation-action = Opret din konto
email-invitation-ignore = Hvis du ikke kender til invitationen, kan du bare slette denne e-mail.
email-reset-subject = Ny adgangskode til { $site }
email-reset-body = Nogen har bedt om en ny adgangskode til din konto på { $site }.
email-reset-valid = Klik på linket for at vælge en ny adgangskode. Linket virker i 1 time, og det kan kun bruges én gang.
email-reset-action = Vælg ny adgangskode
email-reset-ignore = Hvis det ikke var dig, kan du bare slette denne e-mail. Din adgangskode er ikke ændret.

## Accessibility statement (/was)
was-title = Tilgængelighedserklæring
was-scope = Denne erklæring gælder for hjemmesiden { $site }. Vi vil gerne have, at alle kan bruge hjemmesiden, også med skærmlæser, med tastatur, på en lille telefon og uden JavaScript.
was-status-heading = Hvor tilgængelig er hjemmesiden?
was-status = Hjemmesiden er delvist i overensstemmelse med standarden WCAG 2.1 på niveau AA. Vi kender ikke til fejl, men hjemmesiden er endnu ikke gennemgået af en ekspert. Derfor skriver vi "delvist".
was-how-heading = Sådan tester vi
was-how-axe = Hver side bliver testet automatisk med værktøjet axe-core, hver gang vi ændrer hjemmesiden.
was-how-keyboard = Alle links og knapper kan bruges med tastaturet, og der er et link til at springe menuen over.
was-how-phone = Siderne er lavet til telefoner med en skærm ned til 360 pixels, med store knapper.
was-how-nojs = Alt virker også, når JavaScript er slået fra.
was-known-heading = Kendte problemer
was-known = Vi kender ikke til problemer lige nu. Hjemmesiden findes kun på dansk endnu. Engelsk og arabisk kommer senere.
was-feedback-heading = Fortæl os om problemer
was-feedback = Har du svært ved at bruge en del af hjemmesiden, så skriv eller ring til { $organisation }. Vi svarer så hurtigt, vi kan.
was-complaint-heading = Klage
was-complaint = Hvis du ikke er tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen. Den fører tilsyn med tilgængelighed på offentlige hjemmesider.
was-complaint-link = Gå til Digitaliseringsstyrelsen
was-date = Erklæringen er skrevet den 26. november 2026.

## Privacy (/privatliv)
privacy-title = Privatliv og cookies
privacy-controller = { $organisation } er ansvarlig for de oplysninger, hjemmesiden gemmer.
privacy-reading-heading = Når du læser hjemmesiden
privacy-reading = Når du læser hjemmesiden, gemmer vi ingen oplysninger om dig. Vi sætter ingen cookies, og vi gemmer aldrig din IP-adresse.
privacy-counting-heading = Sådan tæller vi besøgende
privacy-counting = Vi skal fortælle, hvor mange der bruger hjemmesiden. Derfor tæller vi besøg på siderne. Det gør vi selv, på vores egen server, uden cookies, uden JavaScript og uden andre firmaer.
privacy-counting-how = Når du åbner en side, laver serveren et tilfældigt tal ud fra dagens hemmelige nøgle, din IP-adresse, navnet på din browser og hjemmesidens navn. Tallet kan ikke regnes tilbage til dig. Nøglen er ny hver dag og slettes kort efter midnat. Så kan ingen, heller ikke vi, se, om to besøg på forskellige dage var fra den samme person.
privacy-counting-stored = Vi gemmer kun: hvor mange forskellige besøgende der var hver dag, hvor mange gange hver side blev vist, om besøget var fra en telefon, en tablet eller en computer, og navnet på den hjemmeside, et link kom fra (for eksempel google.com, aldrig hele adressen). Dagens tilfældige tal slettes sammen med nøglen, når dagen er talt op.
privacy-counting-never = Vi gemmer aldrig din IP-adresse eller navnet på din browser, hverken i databasen eller i loggen. Robotter som søgemaskiner tælles ikke, og det gør medarbejdere og borgerjournalister, der er logget ind, heller ikke.
privacy-counting-loss = Tallene samles nogle sekunder ad gangen, før de gemmes. Hvis serveren går ned, kan de sidste sekunders besøg mangle i tallene.
privacy-login-cookie = Medarbejdere og borgerjournalister, der logger ind, får én cookie. Den husker, at de er logget ind, og den slettes, når de logger ud. Den bruges ikke til andet.
privacy-no-tracking = Vi bruger ikke Google Analytics, Facebook eller andre firmaer til at følge med i, hvad du gør.
privacy-later-heading = Når du tilmelder dig en aktivitet
privacy-later = Når du tilmelder dig, gemmer vi dit navn, hvor mange voksne og børn I kommer, din e-mail eller dit telefonnummer, hvis du skriver det, og din besked. Vi bruger det kun til tilmeldingen: til at holde styr på pladserne og til at skrive til dig om den. Du får ingen cookie.
privacy-retention = Navn, e-mail, telefon og besked slettes automatisk { $days } dage efter aktiviteten. Vi gemmer kun antallet af deltagere uden navne, fordi vi skal fortælle, hvor mange der kom.
privacy-rights-heading = Dine rettigheder
privacy-rights = Du har ret til at vide, hvilke oplysninger vi har om dig. Du kan også bede os om at rette eller slette dem.
privacy-complaint = Hvis du mener, at vi behandler dine oplysninger forkert, kan du klage til Datatilsynet.
privacy-complaint-link = Gå til Datatilsynet

## Passwords
password-too-short = Adgangskoden skal have mindst 8 tegn.
password-too-long = Adgangskoden må højst have 256 tegn.
password-too-common = Den adgangskode er for let at gætte. Prøv fx tre eller fire ord, der ikke hører sammen.

## Staff: activities
staff-activities-title = Aktiviteter
staff-activities-empty = Der er ingen aktiviteter endnu.
staff-activities-back = ‹ Alle aktiviteter
staff-activity-new = Ny aktivitet
staff-activity-save = Gem aktiviteten
staff-activity-no-focus-area = Intet indsatsområde
staff-activity-no-venue = Intet fast sted
staff-activity-public-page = Se siden, som beboerne ser den
staff-link-activities = Opret og ret aktiviteter, gentagelser og aflysninger.
notice-activity-created = Aktiviteten er oprettet.
notice-activity-saved = Ændringerne er gemt.
notice-exception-saved = Undtagelsen er gemt.
notice-exception-deleted = Undtagelsen er slettet.
activity-field-name = Navn
activity-field-slug = Kort navn til adressen
activity-field-slug-hint = Fx "babycafe". Lad feltet stå tomt, så laves det af navnet.
activity-field-description = Beskrivelse
activity-when = Hvornår
activity-field-starts-on = Første dato
activity-field-start = Starter kl.
activity-field-end = Slutter kl.
time-hint = Fx 9.30 eller 17.00.
activity-repeat = Gentagelse
activity-field-repeat = Hvor tit?
repeat-once = Kun én gang
repeat-weekly = Hver uge eller hver anden uge osv.
repeat-monthly = En gang om måneden
activity-field-interval = Hver hvor mange uger?
activity-field-interval-hint = 1 betyder hver uge, 2 hver anden uge.
activity-field-days = Ugedage
activity-field-nth = Hvilken uge i måneden?
nth-1 = Den første
nth-2 = Den anden
nth-3 = Den tredje
nth-4 = Den fjerde
nth-last = Den sidste
activity-field-month-day = Hvilken ugedag i måneden?
activity-field-ends = Hvornår slutter det?
ends-never = Det fortsætter
ends-until = På en bestemt dato
ends-count = Efter et antal gange
activity-field-until = Sidste dato
activity-field-count = Antal gange i alt
activity-practical = Praktisk
signup-mode-none = Ingen tilmelding
signup-mode-optional = Tilmelding er frivillig
signup-mode-required = Tilmelding er nødvendig
activity-field-capacity = Antal pladser (personer)
activity-field-capacity-hint = Lad feltet stå tomt, hvis der ikke er en grænse.
activity-field-price-hint = Fx "20 kr. for voksne, gratis for børn".
activity-name-missing = Skriv aktivitetens navn.
activity-slug-invalid = Skriv et kort navn med bogstaver eller tal.
activity-slug-taken = Det korte navn bruges allerede af en anden aktivitet.
date-invalid = Skriv en dato, fx 2026-12-01.
time-invalid = Skriv et tidspunkt, fx 9.30.
time-end-before-start = Sluttidspunktet skal ligge efter starttidspunktet.
capacity-invalid = Skriv et helt tal større end 0, eller lad feltet stå tomt.
capacity-needed = Skriv antal pladser, når tilmelding er nødvendig.
activity-field-max-party = Højst antal personer på én tilmelding
activity-field-max-party-hint = Voksne og børn tilsammen, fra 1 til 100. Så kan ingen tage alle pladserne med én tilmelding.
max-party-invalid = Skriv et helt tal fra 1 til 100.
exceptions-title = Aflysninger og ændrede datoer
exceptions-intro = Her kan du aflyse en enkelt dato, flytte den, eller lægge en ekstra dato ind.
exceptions-empty = Der er ingen undtagelser.
exception-add = Tilføj en undtagelse
exception-field-date = Dato
exception-field-kind = Hvad skal der ske?
exception-cancel = Aflys datoen
exception-move = Flyt datoen
exception-extra = Læg en ekstra dato ind
exception-field-reason = Besked til beboerne
exception-field-reason-hint = Fx "Juleferie". Beskeden vises i kalenderen.
exception-field-new-date = Ny dato (når datoen flyttes)
exception-field-new-start = Nyt starttidspunkt
exception-field-new-end = Nyt sluttidspunkt
exception-field-time-hint = Lad feltet stå tomt for det sædvanlige tidspunkt.
exception-save = Gem undtagelsen
exception-delete = Slet
exception-moved-to = flyttet til
exception-extra-date = ekstra dato,
exception-not-scheduled = Aktiviteten er ikke på den dato. Vælg en dato, hvor den plejer at være.
exception-already-scheduled = Aktiviteten er allerede på den dato.
exception-kind-missing = Vælg hvad der skal ske.

## Sign-ups
signup-name-missing = Skriv dit navn.
signup-adults-invalid = Skriv hvor mange voksne I kommer, mindst 1.
signup-children-invalid = Skriv hvor mange børn I kommer, 0 hvis ingen.
signup-contact-invalid = Skriv en e-mailadresse eller et telefonnummer med mindst 8 cifre.
signup-note-too-long = Beskeden må højst have 500 tegn.
signup-closed = Man kan ikke tilmelde sig denne dato.
signup-email-manage = Her kan du se din tilmelding eller afmelde jer:
signup-email-confirmed-subject = Du er tilmeldt: { $activity }
signup-email-confirmed = Hej { $name }. Tak for din tilmelding. Der er plads til jer.
signup-email-waitlisted-subject = Du er på ventelisten: { $activity }
signup-email-waitlisted = Hej { $name }. Der er ikke plads lige nu, så I er på ventelisten. Bliver der plads, får du en e-mail.
signup-email-promoted-subject = Der er plads til jer: { $activity }
signup-email-promoted = Hej { $name }. Der er blevet plads, så nu er I tilmeldt. Brug linket i din første e-mail, hvis I alligevel ikke kan komme.
signup-title = Tilmeld dig
signup-seats-left = Der er { $seats } ledige pladser.
signup-full = Der er fuldt. Tilmelder du dig nu, kommer I på ventelisten, og du får besked, hvis der bliver plads.
signup-field-name = Dit navn
signup-field-adults = Antal voksne
signup-field-children = Antal børn
signup-field-contact = E-mail eller telefon (frivilligt)
signup-field-contact-hint = Skriv din e-mail, hvis du vil have en bekræftelse og et link til at afmelde.
signup-field-note = Besked (frivilligt)
signup-field-note-hint = Fx allergi, eller hvis du har brug for hjælp.
signup-data-use = Vi bruger dine oplysninger kun til tilmeldingen og sletter navn, e-mail, telefon og besked { $days } dage efter aktiviteten.
signup-submit = Tilmeld
signup-manage-title = Din tilmelding
notice-signed-up = Tak. Din tilmelding er modtaget. Gem linket til denne side, hvis du vil afmelde jer senere.
notice-signup-cancelled = I er afmeldt. Tak for besked.
signup-status-confirmed = I er tilmeldt. Der er plads til jer.
signup-status-waitlisted = I er på ventelisten. Bliver der plads, rykker I op i den rækkefølge, I tilmeldte jer.
signup-status-cancelled = Tilmeldingen er afmeldt.
signup-what = Aktivitet
signup-when = Tidspunkt
signup-who = Antal
signup-party = { $adults } voksne og { $children } børn
signup-keep-link = Adressen på denne side er din egen. Del den ikke med andre.
signup-cancel-hint = Kan I ikke komme alligevel? Så afmeld jer, så andre kan få pladsen.
signup-cancel = Afmeld
signup-party-too-big = Én tilmelding kan højst være for { $max } personer, voksne og børn tilsammen.
signup-max-party-hint = Højst { $max } personer på én tilmelding.
signup-too-many = Der er kommet mange tilmeldinger fra din internetforbindelse på kort tid. Vent lidt, og prøv så igen. Det, du har skrevet, er gemt her.
signup-not-sent = Tilmeldingen blev ikke sendt. Tjek felterne, og tryk på Tilmeld igen.
signup-field-honeypot = Lad dette felt være tomt

## Changing a sign-up, and reminders
signup-change-title = Ændr antal
signup-change-submit = Gem ændringen
signup-change-closed = Tilmeldingen kan ikke ændres længere.
signup-change-no-room = Der er ikke plads til så mange. I beholder de pladser, I har.
notice-party-changed = Ændringen er gemt.
signup-email-reminder-subject = Husk i morgen: { $activity }
signup-email-reminder = Hej { $name }. Vi glæder os til at se jer i morgen. Kan I ikke komme alligevel, så brug linket i din første e-mail til at afmelde jer, så andre kan få pladsen.

## Staff: one date's sign-ups, print view and attendance
staff-today = I dag
staff-today-empty = Der er ingen aktiviteter i dag.
staff-link-figures = Se tal for aktiviteterne, og hent dem til rapporten.
staff-link-visits = Se, hvor mange der besøger hjemmesiden, og hvilke sider de læser.
staff-activity-dates = Datoer: tilmeldte og fremmøde
staff-activity-dates-hint = Vælg en dato for at se de tilmeldte eller skrive fremmødet.
staff-back-to-activity = ‹ { $activity }
staff-signups-title = Tilmeldte
staff-signups-seats = { $confirmed } af { $capacity } pladser er taget. { $waiting } personer venter.
staff-signups-count = { $confirmed } personer er tilmeldt. { $waiting } personer venter.
staff-signups-drop-in = Man tilmelder sig ikke denne aktivitet. Skriv bare, hvor mange der kom.
staff-signups-empty = Ingen har tilmeldt sig.
staff-signups-name = Navn
staff-signups-party = Antal
staff-signups-contact = Kontakt
staff-signups-note = Besked
staff-signups-status = Status
staff-signups-print = Udskriv listen
staff-signup-name-deleted = (navn slettet)
staff-status-confirmed = Tilmeldt
staff-status-waitlisted = Venteliste
staff-status-cancelled = Afmeldt
staff-signups-remove-column = Fjern fra listen
staff-signup-remove = Fjern
staff-signup-remove-closed = Tilmeldinger kan ikke fjernes, når datoen er begyndt eller aflyst.
notice-signup-removed = Tilmeldingen er fjernet. Ledige pladser er gået videre til ventelisten.
staff-attendance-title = Fremmøde
staff-attendance-record = Skriv fremmøde
staff-attendance-none = Ikke skrevet endnu.
staff-attendance-not-held = Blev ikke holdt.
staff-attendance-summary = { $participants } deltagere og { $volunteers } frivillige.
notice-attendance-saved = Fremmødet er gemt.
staff-print-back = ‹ Tilbage
staff-print-came = Mødt
staff-print-total = { $confirmed } personer er tilmeldt.
staff-print-walk-ins = Kom uden tilmelding: voksne ______ børn ______ frivillige ______ første gang ______
attendance-held = Blev aktiviteten holdt?
attendance-held-yes = Ja, den blev holdt
attendance-held-no = Nej, den blev aflyst
attendance-held-missing = Vælg om aktiviteten blev holdt.
attendance-came = Hvem kom?
attendance-came-hint = Sæt flueben ved dem, der kom.
attendance-walkin-adults = Voksne, der kom uden tilmelding
attendance-walkin-children = Børn, der kom uden tilmelding
attendance-adults = Antal voksne
attendance-children = Antal børn
attendance-volunteers = Antal frivillige
attendance-first-timers = Heraf første gang
attendance-first-timers-hint = Deltagere, der kom for første gang.
attendance-count-invalid = Skriv et tal fra 0 til 1000.
attendance-save = Gem fremmødet

## Staff: figures
figures-title = Tal
figures-choose-year = Vælg år og kvartal
figures-year = År
figures-quarter = Kvartal
figures-whole-year = Hele året
figures-q1 = 1. kvartal
figures-q2 = 2. kvartal
figures-q3 = 3. kvartal
figures-q4 = 4. kvartal
figures-choose-dates = Eller vælg selv datoerne
figures-from = Fra dato
figures-to = Til dato
figures-show = Vis tallene
period-year-invalid = Vælg et år fra listen.
period-quarter-invalid = Vælg et kvartal fra 1 til 4.
period-month-invalid = Vælg en måned fra listen.
period-to-before-from = Til-datoen skal være efter fra-datoen.
period-too-long = Vælg en periode på højst 10 år.
figures-quarter-label = { $quarter }. kvartal { $year }
figures-chosen-label = perioden { $from } til { $to }
figures-period-heading = Tal for { $period } (sidste år: { $previous })
figures-table-legend = først { $current }, under det { $previous }
figures-csv = Hent som regneark (CSV til Excel)
figures-report = Rapport til udskrift
figures-report-heading = Aktiviteter i { $period }
figures-back = ‹ Tilbage til tallene
figures-total = I alt
figures-by-activity = Pr. aktivitet
figures-by-focus-area = Pr. indsatsområde
figures-no-focus-area = Intet indsatsområde
figures-empty = Der er ingen tal for perioden.
figures-name = Navn
figures-chart-activities = Deltagere pr. aktivitet
figures-chart-areas = Deltagere pr. indsatsområde
figures-chart-see-table = Tallene står også i tabellen herunder.
figures-definitions = Sådan tæller vi
figures-held = Afholdt
figures-held-definition = Antal gange aktiviteten blev holdt, ifølge det fremmøde personalet har skrevet. Datoer uden skrevet fremmøde tælles ikke med.
figures-not-held = Aflyst
figures-not-held-definition = Antal gange personalet har skrevet, at aktiviteten ikke blev holdt.
figures-participants = Deltagere
figures-participants-definition = Voksne og børn, der kom: de tilmeldte, der fik flueben, og dem der kom uden tilmelding. Frivillige tælles ikke med.
figures-adults = Voksne
figures-children = Børn
figures-average = Deltagere pr. gang
figures-average-definition = Deltagere delt med antal gange aktiviteten blev holdt.
figures-volunteers = Frivillige pr. gang
figures-volunteers-definition = Frivillige i alt delt med antal gange aktiviteten blev holdt.
figures-first-timers = Første gang
figures-first-timers-definition = Deltagere, der kom for første gang, som personalet har talt dem.
figures-walk-ins = Uden tilmelding
figures-walk-ins-definition = Voksne og børn, der kom uden at være tilmeldt. Ved aktiviteter uden tilmelding er det alle deltagere.
figures-signups = Tilmeldinger
figures-signups-definition = Antal tilmeldinger (familier eller grupper) til datoer i perioden, også dem der senere blev afmeldt.
figures-cancellations = Afmeldinger
figures-cancellations-definition = Tilmeldinger, der blev afmeldt.
figures-no-shows = Udeblevne
figures-no-shows-definition = Tilmeldinger med plads, der ikke fik flueben, på datoer hvor aktiviteten blev holdt.
figures-promotions = Rykket op
figures-promotions-definition = Tilmeldinger, der fik plads fra ventelisten.
figures-csv-group = Gruppe
figures-csv-name = Navn
figures-csv-focus-area = Indsatsområde
figures-csv-venue = Sted
figures-csv-period = Periode
figures-csv-activity = Aktivitet
figures-csv-area = Indsatsområde
figures-csv-total = I alt
figures-csv-journalist = Borgerjournalist
figures-journalists = Borgerjournalister
figures-journalist = Borgerjournalist
figures-journalists-summary = { $active } aktive borgerjournalister, og { $delivering } fik udgivet bidrag ({ $previous }: { $active_before } aktive, { $delivering_before } fik udgivet).
figures-submissions-sent = Indsendt
figures-submissions-sent-definition = Indsendelser, der blev sendt til redaktionen første gang i perioden.
figures-contributions = Bidrag
figures-contributions-definition = Et bidrag er en indsendelse, der blev udgivet i perioden: en artikel eller en serie billeder med eller uden tekst. Det tælles i perioden, hvor det blev udgivet.
figures-photos = Billeder
figures-photos-definition = Billeder i de bidrag, der blev udgivet i perioden.
figures-active-journalists = Aktive borgerjournalister
figures-active-journalists-definition = Borgerjournalister, der i perioden sendte mindst én indsendelse til redaktionen eller fik mindst ét bidrag udgivet.
figures-delivering-journalists = Borgerjournalister med bidrag
figures-delivering-journalists-definition = Borgerjournalister, der fik mindst ét bidrag udgivet i perioden.
figures-sentence-contributors = I { $period } leverede { $journalists ->
        [one] én borgerjournalist
       *[other] { $journalists } borgerjournalister
    } { $contributions ->
        [one] ét bidrag
       *[other] { $contributions } bidrag
    } (artikler og billeder) til { $magazine } og hjemmesiden.
figures-sentence-venue = i { $venue }{" "}
figures-sentence = I { $period } blev { $activity } afholdt { $held ->
        [one] én gang
       *[other] { $held } gange
    } { $venue }med gennemsnitligt { $average ->
        [one] én deltager
       *[other] { $average } deltagere
    } og { $volunteers ->
        [one] én frivillig
       *[other] { $volunteers } frivillige
    }.
figures-sentence-total = I alt blev der i { $period } afholdt { $held ->
        [one] ét arrangement
       *[other] { $held } arrangementer
    } med { $participants ->
        [one] én deltager
       *[other] { $participants } deltagere
    } i alt.

## Staff: the website's visitors
visits-title = Besøgende på hjemmesiden
visits-choose = Vælg år og måned
visits-month = Måned
visits-no-figure = ingen tal
visits-none = ingen tal endnu.
visits-csv = Hent dagene som CSV (Excel)
visits-csv-date = Dato
visits-visitors = Besøgende
visits-visitors-definition = Forskellige besøgende på en dag. Den samme person (samme netværk og browser) tæller kun én gang om dagen, men igen hver ny dag. Robotter og folk, der er logget ind, tælles ikke.
visits-per-month = Besøgende om måneden
visits-per-month-definition = Summen af hver dags besøgende i måneden. Et år eller kvartals "besøgende om måneden i gennemsnit" er gennemsnittet af de hele måneder, der er slut, og hvor der blev talt.
visits-views = Sidevisninger
visits-views-definition = Hvor mange gange en side blev vist. Det tæller, også når browseren viser siden fra sin egen kopi og kun spørger serveren, om den er ændret.
visits-page-visitors = Besøgende på siden
visits-page-visitors-definition = Forskellige besøgende på siden hver dag, lagt sammen for dagene.
visits-referrals = Henvisninger
visits-referrals-definition = Sidevisninger, der kom fra et link på en anden hjemmeside. Vi gemmer kun den anden sides navn.
visits-devices = Enheder
visits-devices-definition = Om de besøgende brugte en telefon, en tablet eller en computer, ud fra browserens navn. Hver besøgende tælles én gang om dagen.
visits-device = Enhed
visits-device-phone = Telefon
visits-device-tablet = Tablet
visits-device-computer = Computer
visits-share = Andel
visits-date = Dato
visits-page = Side
visits-article = Artikel
visits-site = Hjemmeside
visits-other-sites = Andre hjemmesider
visits-per-month-line = Besøgende om måneden i gennemsnit: { $visitors } i { $year } ({ $previous }: { $visitors_before }).
visits-months-heading = Måned for måned i { $year }
visits-months-caption = Besøgende og sidevisninger pr. måned i { $year } og året før
visits-chart-title = Besøgende pr. måned i { $year } og { $previous }
visits-days-heading = Dag for dag i { $month }
visits-days-caption = Besøgende og sidevisninger pr. dag i { $month }
visits-pages-heading = Mest besøgte sider og artikler
visits-pages-caption = De mest viste sider i { $year }
visits-articles-caption = De mest læste artikler i { $year }
visits-referrers-heading = Links fra andre hjemmesider
visits-referrers-caption = Hjemmesider, der sendte besøgende hertil i { $year }
visits-devices-heading = Telefon, tablet eller computer
visits-devices-caption = Besøgende pr. enhed i { $year }
visits-definitions = Sådan tæller vi
visits-privacy-before = Hvad vi tæller, og hvad vi aldrig gemmer, står på siden
visits-privacy-link = Privatliv og cookies
visits-sentence = I { $period } havde hjemmesiden i gennemsnit { $visitors ->
        [one] én besøgende
       *[other] { $visitors } besøgende
    } om måneden{ $change ->
        [more] , { $difference } flere end i { $previous }.
        [fewer] , { $difference } færre end i { $previous }.
        [same] , lige så mange som i { $previous }.
       *[unknown] .
    }
visits-sentence-none = Der er endnu ingen hele måneder med tal for besøgende på hjemmesiden i { $period }.

## News and the magazine
news-all = Alle nyheder
news-feed = Nyheder som feed (Atom)
news-pages = Sider
news-previous = ‹ Nyere
news-next = Ældre ›
news-page-of = Side { $page } af { $pages }
news-tag-title = Nyheder om { $tag }
news-tags = Emner
news-from-issue = Fra
news-more-by = Mere af { $name }
news-byline = Af { $name }
feed-title = Nyheder fra { $site }
search-title = Søg i nyhederne
search-label = Søg efter
search-submit = Søg
search-none = Vi fandt ingen nyheder med "{ $query }". Prøv et andet ord.
search-count = { $count } nyheder med "{ $query }".
magazine-title = Nordbyposten
magazine-intro = Kvarterets blad udkommer tre gange om året. Her kan du læse alle artiklerne.
magazine-empty = Der er ingen udgaver endnu.
magazine-all-issues = Alle udgaver af Nordbyposten
magazine-print = Udskriv hele udgaven
magazine-contents = Indhold

## Staff: articles
staff-articles-title = Nyheder
staff-link-articles = Skriv, planlæg og udgiv nyheder og artikler til bladet.
staff-articles-back = ‹ Alle nyheder
staff-article-new = Ny artikel
notice-article-saved = Artiklen er gemt.
notice-article-deleted = Artiklen er slettet.
article-status-draft = Kladde
article-status-scheduled = Planlagt
article-status-published = Udgivet
article-status-unpublished = Taget ned
article-publish-now = Udgiv nu
article-publish-later = Udgiv senere (på dato og klokkeslæt herunder)
article-publishing = Udgivelse
article-field-status = Hvad skal der ske med artiklen?
article-field-publish-date = Dato for udgivelse
article-field-publish-time = Klokkeslæt for udgivelse
article-field-title = Overskrift
article-field-slug-hint = Lad feltet stå tomt, så laves det af overskriften.
article-field-lead = Indledning
article-field-lead-hint = En eller to sætninger, der fortæller, hvad artiklen handler om.
article-field-body = Tekst
article-field-body-hint = Skriv almindelig tekst. Tom linje giver nyt afsnit. **fed**, *kursiv*, # Overskrift og [link](https://…) virker.
article-field-byline = Skrevet af
article-field-tags = Emner (indsatsområder)
article-field-issue = Udgave af Nordbyposten
article-field-issue-position = Nummer i udgaven
article-no-issue = Ikke i bladet
article-preview = Se forhåndsvisning
article-preview-title = Forhåndsvisning
article-save = Gem artiklen
article-live-preview-title = Sådan ser teksten ud
article-live-preview-failed = Teksten kan ikke vises lige nu. Tryk på "Se forhåndsvisning" nederst.
article-see-public = Se artiklen, som beboerne ser den
article-delete = Slet artiklen
article-delete-confirm = Vil du slette "{ $title }"? Det kan ikke fortrydes.
article-delete-yes = Ja, slet artiklen
article-delete-no = Nej, gå tilbage
article-title-missing = Skriv en overskrift.
article-title-too-long = Overskriften må højst have 200 tegn.
article-slug-taken = Det korte navn bruges allerede af en anden artikel.
article-lead-too-long = Indledningen må højst have 1000 tegn.
article-body-too-long = Teksten er for lang.
article-body-too-deep = Teksten har for mange lag inden i hinanden (citater i citater eller lister i lister). Brug højst 10 lag.
article-status-missing = Vælg hvad der skal ske med artiklen.
article-field-cover = Billede
article-field-cover-file = Vælg et billede (frivilligt)
article-field-cover-hint = JPEG, PNG, WebP eller GIF, højst 10 MB. Oplysninger om sted og kamera fjernes. Spørg altid de personer, der er med på billedet, om lov.
article-field-cover-alt = Beskriv billedet
article-field-cover-alt-hint = Fx "Naboer spiser sammen ved lange borde i ParkCafeen". Det læses op for dem, der ikke kan se billedet.
article-cover-alt-missing = Skriv en kort beskrivelse af billedet.
article-current-cover = Artiklens billede nu
article-remove-cover = Fjern billedet
image-empty = Filen er tom. Vælg et andet billede.
image-too-large = Billedet er for stort. Det må højst fylde 10 MB.
image-not-an-image = Filen er ikke et billede. Vælg et JPEG-, PNG-, WebP- eller GIF-billede.
image-too-many-pixels = Billedet har for mange pixels. Det må højst have 40 megapixel.
image-side-too-long = Billedet er for bredt eller for højt. Ingen af siderne må være over 8000 pixel.
image-unreadable = Billedet kan ikke læses. Prøv at gemme det igen som JPEG.

## Staff: magazine issues
staff-issues-title = Udgaver af Nordbyposten
staff-link-issues = Opret udgaver af bladet med forside, og se dem samlet.
staff-issues-back = ‹ Alle udgaver
staff-issue-new = Ny udgave
notice-issue-saved = Udgaven er gemt.
issue-see-public = Se udgaven, som beboerne ser den
issue-field-title = Navn
issue-field-title-hint = Fx "Nordbyposten nr. 3, 2026".
issue-field-published-on = Udkommer
issue-field-intro = Kort om udgaven
issue-save = Gem udgaven
issue-title-missing = Skriv udgavens navn.
issue-slug-taken = Det korte navn bruges allerede af en anden udgave.

## Citizen journalism: the journalist's submissions
journalist-intro = Her skriver du artikler og sender billeder til redaktionen. Redaktionen læser dem, og de svarer dig her og på e-mail.
journalist-my-submissions = Dine indsendelser
journalist-no-submissions = Du har ikke skrevet noget endnu.
journalist-back = Tilbage til dine sider
submission-new = Ny indsendelse
submission-untitled = (uden titel)
submission-photo-count = { $count ->
    [one] 1 billede
   *[other] { $count } billeder
}
submission-newest-comment = Seneste kommentar:
submission-field-title = Titel
submission-field-body = Tekst
submission-field-body-hint = Skriv som du taler. Lav et tomt linjeskift mellem afsnit. Du kan sende billeder med lidt eller ingen tekst.
submission-photos = Billeder
submission-photos-hint = Du kan sende op til { $max } billeder. Tilføj ét ad gangen, og tryk på "Gem kladde" for hvert billede.
submission-photo-new = Tilføj et billede
submission-photo-caption = Billedtekst
submission-photo-alt = Beskrivelse af billedet
submission-photo-remove = Fjern billedet
submission-consent = Personerne på billederne har sagt ja til, at billederne bliver vist. For børn har forældrene sagt ja.
submission-consent-hint = Skal udfyldes, når du sender billeder.
submission-save = Gem kladde
submission-send = Send til redaktionen
submission-see-article = Se artiklen
submission-state-help-draft = Kun du kan se den. Send den til redaktionen, når du er klar.
submission-state-help-sent = Redaktionen har fået den og læser den. Du får en e-mail, når de svarer.
submission-state-help-changes = Redaktionen beder dig rette noget. Læs deres kommentar nedenfor, ret teksten, og send den igen.
submission-state-help-rejected = Redaktionen bringer den ikke. Du kan læse hvorfor nedenfor.
submission-state-help-published = Den er udgivet. Tak for dit bidrag!
submission-thread = Historik og kommentarer
submission-someone = En tidligere bruger
submission-comment-field = Skriv en kommentar
submission-comment-submit = Send kommentar
submission-state-draft = Kladde
submission-state-sent = Sendt til redaktionen
submission-state-changes = Ret og send igen
submission-state-rejected = Afvist
submission-state-published = Udgivet
submission-event-created = { $who } begyndte på indsendelsen
submission-event-sent = { $who } sendte den til redaktionen
submission-event-comment = { $who } skrev
submission-event-changes = { $who } bad om ændringer
submission-event-rejected = { $who } afviste den
submission-event-published = { $who } udgav den
notice-submission-saved = Din kladde er gemt.
notice-submission-sent = Tak! Din indsendelse er sendt til redaktionen.
notice-comment-saved = Din kommentar er sendt.
notice-changes-asked = Journalisten har fået besked om at rette.
notice-submission-rejected = Indsendelsen er afvist, og journalisten har fået besked.
submission-title-missing = Skriv en titel.
submission-empty = Skriv en tekst, eller tilføj mindst ét billede, før du sender.
submission-photo-alt-missing = Beskriv kort, hvad billedet viser. Så kan blinde også få det med.
submission-photo-text-too-long = Billedteksten og beskrivelsen må højst have 500 tegn hver.
submission-photo-too-many = Der kan højst være 10 billeder. Fjern et billede, før du tilføjer et nyt.
submission-consent-missing = Sæt kryds, når personerne på billederne har sagt ja. Uden deres ja kan vi ikke vise billederne.
submission-comment-missing = Skriv din kommentar.
submission-changes-missing = Skriv, hvad journalisten skal rette.
submission-reason-missing = Skriv, hvorfor indsendelsen bliver afvist.
submission-message-too-long = Teksten må højst have 5.000 tegn.
submission-issue-unknown = Vælg en udgave fra listen.

## Citizen journalism: the staff's review
review-title = Indsendelser
review-intro = Artikler og billeder fra borgerjournalisterne. Dem, der venter på redaktionen, står øverst.
review-waiting = { $count ->
    [0] Ingen venter på redaktionen.
    [one] 1 venter på redaktionen.
   *[other] { $count } venter på redaktionen.
}
review-empty = Der er ingen indsendelser endnu.
review-back = Tilbage til indsendelserne
review-by = Af { $name }
review-changes-title = Bed om ændringer
review-changes-field = Hvad skal journalisten rette?
review-changes-submit = Send til journalisten
review-reject-title = Afvis
review-reject-field = Hvorfor bliver den afvist?
review-reject-submit = Afvis indsendelsen
review-publish-title = Udgiv
review-publish-intro = Du kan rette teksten, før du udgiver den. Journalisten står som forfatter, og det første billede bliver artiklens forsidebillede.
review-publish-submit = Udgiv nu

## Citizen journalism: emails
email-submission-sent-subject = Ny indsendelse: { $title }
email-submission-sent-body = { $author } har sendt "{ $title }" til redaktionen på { $site }. Den venter på, at I læser den.
email-submission-resent-subject = Rettet indsendelse: { $title }
email-submission-resent-body = { $author } har rettet "{ $title }" og sendt den igen. Den venter på, at I læser den.
email-submission-comment-subject = Ny kommentar til "{ $title }"
email-submission-comment-body = Redaktionen har skrevet en kommentar til "{ $title }":
email-submission-changes-subject = Ret gerne "{ $title }"
email-submission-changes-body = Redaktionen har læst "{ $title }" og beder dig rette noget, før den kan udgives. De skriver:
email-submission-rejected-subject = "{ $title }" bliver ikke udgivet
email-submission-rejected-body = Redaktionen har læst "{ $title }" og har desværre valgt ikke at bringe den. De skriver:
email-submission-published-subject = "{ $title }" er udgivet
email-submission-published-body = Tak! "{ $title }" er nu udgivet på { $site } med dit navn.
email-submission-open = Læs indsendelsen
email-submission-see = Se din indsendelse
email-submission-see-article = Se artiklen
email-submission-closing = Du kan svare redaktionen på siden.

## The plan: success criteria (succeskriterier)
measures-title = Succeskriterier
staff-link-measures = Skriv tal for succeskriterierne, fx hvor mange unge der fik fritidsjob.
measures-intro = Et succeskriterium er noget, I tæller ud over fremmødet, fx henvendelser eller unge i job. Skriv tallene pr. måned eller kvartal. Skriv kun antal, aldrig navne.
measures-empty = Der er ingen succeskriterier endnu.
measures-back = Tilbage til succeskriterierne
measure-new = Nyt succeskriterium
measure-edit = Ret succeskriteriet
measure-save = Gem succeskriteriet
measure-field-name = Navn
measure-field-name-hint = Hvad tæller I? Fx "unge i fritidsjob".
measure-field-owner = Indsatsområde eller aktivitet
measure-owner-choose = Vælg …
measure-field-unit = Enhed
measure-unit-personer = personer
measure-unit-henvendelser = henvendelser
measure-unit-familier = familier
measure-unit-forloeb = forløb
measure-unit-procent = %
measure-field-recorded-per = Tal skrives pr.
measure-per-quarter = kvartal
measure-per-month = måned
measure-field-target = Mål for året (kan udelades)
measure-field-target-hint = Et helt tal, fx 20.
measure-field-part-of = Del af et andet succeskriterium (kan udelades)
measure-field-part-of-hint = Fx er "unge der fik fritidsjob" en del af "unge der henvendte sig".
measure-part-of-none = Ikke en del af et andet
measure-target = Mål
measure-record-values = Skriv tal for succeskriteriet
measure-quarter = { $quarter }. kvartal
measure-years = År
measure-values-save = Gem tallene
measure-year-title = { $name } i { $year }
measure-is-part-of = En del af "{ $whole }".
measure-target-line = Målet for året er { $target } { $unit }.
measure-year-figures = I alt { $year }: { $value }. I alt { $last_year }: { $last_value }.
measure-history = Hvem skrev hvad
measure-history-empty = Der er ikke skrevet tal for dette år endnu.
measure-history-cleared = slettet
measure-history-unknown = ukendt
measure-name-missing = Skriv, hvad I tæller.
measure-name-too-long = Navnet må højst være 200 tegn.
measure-owner-missing = Vælg et indsatsområde eller en aktivitet.
measure-unit-missing = Vælg en enhed.
measure-recorded-per-missing = Vælg, om tallene skrives pr. måned eller pr. kvartal.
measure-part-of-unfit = Vælg et succeskriterium, der tælles på samme måde (ikke i %), eller ingen.
measure-value-not-whole = Skriv et helt tal uden komma, fx 12.
measure-value-negative = Tallet kan ikke være negativt.
measure-value-too-large = Skriv et tal fra 0 til 1.000.000.
measure-value-over-100 = En procentdel kan højst være 100.
measure-value-over-whole = Tallet er større end "{ $whole }" ({ $value }), som det er en del af.
measure-value-under-part = Tallet er mindre end "{ $part }" ({ $value }), som er en del af det.
notice-measure-saved = Succeskriteriet er gemt. Skriv tallene herunder.
notice-measure-values-saved = Tallene er gemt.

## The press log
press-title = Presse
staff-link-press = Skriv pressemeddelelser og omtale i pressen ned, så de kan tælles i rapporten.
press-new = Ny pressemeddelelse eller omtale
press-back = Tilbage til pressen
press-save = Gem
press-choose = Vis pressen for
press-kind-release = Pressemeddelelse
press-kind-mention = Omtale i pressen
press-kind-all = Alle slags
press-area-all = Alle indsatsområder
press-area-none = Intet indsatsområde
press-empty = Der er ingen pressemeddelelser eller omtale i perioden.
press-open = Åbn
press-counts = { $period }: { $releases ->
    [one] 1 pressemeddelelse
   *[other] { $releases } pressemeddelelser
} og { $mentions ->
    [one] 1 omtale i pressen
   *[other] { $mentions } omtaler i pressen
}.
press-field-kind = Slags
press-field-date = Dato
press-field-outlet = Medie
press-field-outlet-hint = Fx Randers Amtsavis eller TV2 Østjylland.
press-field-title = Overskrift
press-field-url = Link (kan udelades)
press-field-url-hint = Adressen på artiklen, der begynder med https://
press-field-area = Indsatsområde
press-kind-missing = Vælg, om det er en pressemeddelelse eller en omtale.
press-date-invalid = Skriv en dato som 2026-03-14, højst et år frem.
press-outlet-missing = Skriv mediets navn (højst 200 tegn).
press-title-missing = Skriv overskriften (højst 300 tegn).
press-url-invalid = Skriv et link, der begynder med https://, eller lad feltet stå tomt.
press-area-unknown = Vælg et indsatsområde fra listen.
notice-press-saved = Det er gemt.

## The plan: periods and focus areas
plan-title = Helhedsplan
staff-link-plan = Planperioderne og deres indsatsområder med mål. Rapporten bruger sin egen periodes områder.
plan-intro = En helhedsplan løber omkring fire år og har sine egne indsatsområder. Rapporten for et år bruger den periode, året ligger i, så en ny periode ændrer ikke en gammel rapport.
plan-empty = Der er ingen planperioder endnu.
plan-back = Tilbage til helhedsplanen
plan-save = Gem
plan-period-new = Ny planperiode
plan-period-edit = Ret perioden
plan-period-heading = { $name } ({ $first }–{ $last })
plan-period-current = Det er den nuværende periode.
plan-areas-empty = Perioden har ingen indsatsområder endnu.
plan-area-new = Nyt indsatsområde
plan-period-field-name = Navn
plan-period-field-name-hint = Fx "Boligsocial helhedsplan 2019–2026".
plan-period-field-first = Første år
plan-period-field-last = Sidste år
plan-area-field-period = Planperiode
plan-area-field-name = Navn
plan-area-field-goal = Mål
plan-area-field-goal-hint = Et afsnit om, hvad indsatsområdet skal nå. Det står i rapporten.
plan-area-field-position = Nummer i rækkefølgen (kan udelades)
plan-area-field-position-hint = 1 står først.
plan-period-name-missing = Skriv periodens navn (højst 200 tegn).
plan-year-invalid = Skriv et årstal fra 2000 til 2100.
plan-years-span = Det sidste år skal ligge fra det første år og højst ni år efter.
plan-years-overlap = Årene overlapper med "{ $period }". Et år kan kun høre til én periode.
plan-area-period-missing = Vælg en planperiode.
plan-area-name-missing = Skriv indsatsområdets navn (højst 200 tegn).
plan-area-name-taken = Perioden har allerede et indsatsområde med det navn.
plan-area-goal-too-long = Målet må højst være 5.000 tegn.
plan-area-position-invalid = Skriv et tal fra 0 til 1000, eller lad feltet stå tomt.
notice-plan-saved = Det er gemt.

## The report
report-tool = Rapport
staff-link-report = Års- og kvartalsrapporten med tal, succeskriterier og presse, til udskrift og som Word-dokument.
report-title-year = Årsrapport { $period }
report-title-quarter = Kvartalsrapport for { $period }
report-choose = Vis rapporten for
report-download = Hent som Word-dokument
report-write = Skriv indledning og afsnit
report-print-hint = Rapporten kan udskrives med browserens udskriv-knap: hvert indsatsområde begynder på en ny side.
report-no-plan = Året ligger ikke i nogen planperiode, så rapporten har ingen indsatsområder. Tilføj perioden under Helhedsplan.
report-intro = Indledning
report-goal = Mål
report-activities = Aktiviteter
report-measures = Succeskriterier
report-measures-of = Succeskriterier for { $area }
report-measure = Succeskriterium
report-target = Mål for året
report-share-heading = Andel
report-share = { $percent } % af { $whole }
report-others = Andre aktiviteter
report-communication = Hjemmesiden, borgerjournalisterne og pressen
report-definitions = Sådan er tallene opgjort
report-chart-title = Deltagere pr. aktivitet: { $area }
report-chart-caption = Tallene står også i sætningerne ovenfor.
report-changed = Sidst rettet af { $who }, { $at }.
report-press-sentence = I { $period } sendte vi { $releases ->
        [one] én pressemeddelelse
       *[other] { $releases } pressemeddelelser
    }, og der var { $mentions ->
        [one] én omtale
       *[other] { $mentions } omtaler
    } i pressen ({ $previous }: { $releases_before ->
        [one] én pressemeddelelse
       *[other] { $releases_before } pressemeddelelser
    } og { $mentions_before ->
        [one] én omtale
       *[other] { $mentions_before } omtaler
    }).
report-measures-definition = Et succeskriterium er noget, personalet tæller ud over fremmødet, skrevet pr. måned eller kvartal. Et år eller kvartal er summen af dets måneder eller kvartaler; en procentdel er den sidst skrevne. Andelen er tallet delt med det tal, det er en del af, i samme periode.
report-press = Presse
report-press-definition = Pressemeddelelser, som sekretariatet har sendt, og artikler og indslag i medierne om området, efter den dato de udkom.
report-back = Tilbage til rapporten
report-write-title = Tekster til { $title }
report-write-intro = Skriv indledningen og et afsnit for hvert indsatsområde. Tom linje giver nyt afsnit. Teksterne gemmes til netop denne rapport.
report-write-goal-hint = Målet: { $goal }
report-write-save = Gem teksterne
report-text-too-long = Teksten må højst være 20.000 tegn.
notice-report-texts-saved = Teksterne er gemt.
