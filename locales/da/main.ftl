# Danish interface text. Write plainly: many readers have Danish as their second language.
# { $name } is filled in by the program; keep it where it makes sense in the sentence.

## Page shell
language-name = Dansk
language-choose = Sprog
date-at-time = { $date } kl. { $time }
date-and-time = { $date }, { $time }
skip-to-content = Gå til indholdet
nav-menu = Menu
nav-label = Hovedmenu
nav-home = Forside
nav-news = Nyheder
nav-calendar = Kalender
nav-write = Skriv til { $magazine }
nav-login = Log ind
nav-logout = Log ud
nav-staff = Personale
nav-journalist = Mine sider
footer-run-by = Siden drives af { $organisation }.
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
try-later-title = Prøv igen senere
try-later-text = Siden kan ikke gemme noget lige nu. Det, du sendte, er ikke gemt. Alt det, der var gemt før, er der stadig. Prøv igen om lidt.

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
activity-summary-heading = Kort fortalt
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
calendar-filter-area = Emne
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
share-title = Del
share-email = E-mail
occurrence-add-to-calendar = Tilføj til min kalender
occurrence-all-dates = Se alle datoer for aktiviteten
activity-venue = Sted
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
rule-once = Én gang, { $date }
rule-weekly = Hver { $days }
rule-every-n-weeks = { $n ->
    [one] Hver uge, { $days }
   *[other] Hver { $n }. uge, { $days }
}
# Danish ordinals have one form ("2."), but the number chooses the form in other languages.
rule-monthly = { NUMBER($n, type: "ordinal") ->
   *[other] Den { $n }. { $day } i måneden
}
rule-monthly-last = Den sidste { $day } i måneden
rule-until = , til og med { $date }
rule-count = { $count ->
    [one] , 1 gang i alt
   *[other] , { $count } gange i alt
}
rule-no-weekday = Vælg mindst én ugedag.
rule-bad-interval = Skriv et tal mellem 1 og 52.
rule-bad-nth = Vælg hvilken uge i måneden.
rule-ends-before-start = Slutdatoen skal ligge efter den første dato.
rule-bad-count = Skriv et antal mellem 1 og 1000.

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
account-language-title = Sprog i dine e-mails
account-language-legend = Hvilket sprog vil du have e-mails fra redaktionen på?
account-language-submit = Gem sprog
account-language-unknown = Vælg et af sprogene på listen.
notice-language-saved = Dit sprog er gemt.
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

## Two-factor login
two-factor-title = Totrinsbekræftelse
two-factor-intro = Med totrinsbekræftelse skriver du også en kode fra en app på din telefon, når du logger ind. Så kan ingen logge ind med din adgangskode alene.
two-factor-required = Du er administrator. Slå totrinsbekræftelse til, før du bruger personalets sider.
two-factor-step-app = Hent en app, der laver koder. Det kan være Microsoft Authenticator, Google Authenticator eller din app til adgangskoder.
two-factor-step-scan = Scan QR-koden med appen. Du kan også åbne linket på din telefon eller skrive nøglen i appen.
two-factor-qr = QR-kode til din app
two-factor-open-link = Åbn i appen på denne telefon
two-factor-secret = Nøgle
two-factor-step-code = Skriv den kode på 6 cifre, som appen viser.
field-two-factor-code = Kode fra appen
two-factor-submit = Slå totrinsbekræftelse til
two-factor-on = Totrinsbekræftelse er slået til for din konto.
two-factor-codes-left = { $count ->
    [one] Du har { $count } reservekode tilbage.
   *[other] Du har { $count } reservekoder tilbage.
}
two-factor-lost = Har du mistet din telefon, kan du logge ind med en reservekode. Bed derefter en administrator om at nulstille din totrinsbekræftelse.
two-factor-back = Tilbage til Min konto
two-factor-codes-title = Dine reservekoder
two-factor-codes-intro = Gem koderne nu, på papir eller i din app til adgangskoder. De vises kun denne ene gang. Mister du din telefon, kan du logge ind med en af dem. Hver kode virker én gang.
two-factor-codes-done = Jeg har gemt koderne
two-factor-code-missing = Skriv koden fra appen.
two-factor-code-wrong = Koden passer ikke. Skriv den nyeste kode fra appen.
two-factor-start-again = Noget gik galt. Scan den nye QR-kode, og prøv igen.
two-factor-already-on = Totrinsbekræftelse er allerede slået til.
account-two-factor-off = Totrinsbekræftelse er ikke slået til.
account-two-factor-set-up = Slå totrinsbekræftelse til
account-two-factor-see = Se dine reservekoder
second-step-title = Skriv koden fra din app
second-step-intro = Åbn appen på din telefon, og skriv den kode på 6 cifre, som den viser. Har du mistet telefonen, så skriv en af dine reservekoder.
field-second-step-code = Kode
second-step-submit = Log ind
second-step-start-again = Start forfra
second-step-code-missing = Skriv koden fra appen eller en reservekode.
second-step-wrong = Koden passer ikke. Skriv den nyeste kode fra appen eller en reservekode.

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
email-account-action = Gå til din konto
email-two-factor-not-you = Hvis det ikke var dig, så skift din adgangskode med det samme, og kontakt en administrator.
email-two-factor-on-subject = Totrinsbekræftelse er slået til på { $site }
email-two-factor-on-body = Totrinsbekræftelse er nu slået til for din konto på { $site }. Når du logger ind, skriver du også en kode fra din app.
email-two-factor-on-codes = Gem dine reservekoder et sikkert sted.
email-recovery-used-subject = En reservekode er brugt på { $site }
email-recovery-used-body = Nogen er logget ind på din konto på { $site } med en af dine reservekoder.
email-two-factor-reset-subject = Din totrinsbekræftelse er nulstillet på { $site }
email-two-factor-reset-body = En administrator har slået totrinsbekræftelse fra for din konto på { $site }. Du kan slå den til igen under Min konto.

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
privacy-sharing = Under artikler og aktiviteter er der links til at dele siden på Facebook, på WhatsApp eller med en e-mail. Det er almindelige links: siden henter intet fra Facebook eller WhatsApp, og de får intet at vide om dig, før du selv trykker på et af dem.
privacy-later-heading = Når du tilmelder dig en aktivitet
privacy-later = Når du tilmelder dig, gemmer vi dit navn, hvor mange voksne og børn I kommer, din e-mail eller dit telefonnummer, hvis du skriver det, og din besked. Vi bruger det kun til tilmeldingen: til at holde styr på pladserne og til at skrive til dig om den. Du får ingen cookie.
privacy-retention = Navn, e-mail, telefon og besked slettes automatisk { $days ->
    [one] 1 dag
   *[other] { $days } dage
} efter aktiviteten. Vi gemmer kun antallet af deltagere uden navne, fordi vi skal fortælle, hvor mange der kom.
privacy-newsletter-heading = Når du får nyhedsbrevet
privacy-newsletter = Vi gemmer din e-mailadresse, dit sprog og hvad du har valgt. Har du ikke bekræftet inden 7 dage, sletter vi adressen. Nyhedsbrevet har ingen skjulte billeder, og vi ser ikke, om du åbner det, eller hvad du klikker på. Når du afmelder det, sletter vi adressen med det samme.
privacy-rights-heading = Dine rettigheder
privacy-rights = Du har ret til at vide, hvilke oplysninger vi har om dig. Du kan også bede os om at rette eller slette dem.
privacy-complaint = Hvis du mener, at vi behandler dine oplysninger forkert, kan du klage til Datatilsynet.
privacy-complaint-link = Gå til Datatilsynet

## Passwords
password-too-short = Adgangskoden skal have mindst 8 tegn.
password-too-long = Adgangskoden må højst have 256 tegn.
password-too-common = Den adgangskode er for let at gætte. Prøv fx tre eller fire ord, der ikke hører sammen.

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
signup-seats-left = { $seats ->
    [one] Der er 1 ledig plads.
   *[other] Der er { $seats } ledige pladser.
}
signup-full = Der er fuldt. Tilmelder du dig nu, kommer I på ventelisten, og du får besked, hvis der bliver plads.
signup-field-name = Dit navn
signup-field-adults = Antal voksne
signup-field-children = Antal børn
signup-field-contact = E-mail eller telefon (frivilligt)
signup-field-contact-hint = Skriv din e-mail, hvis du vil have en bekræftelse og et link til at afmelde.
signup-field-note = Besked (frivilligt)
signup-field-note-hint = Fx allergi, eller hvis du har brug for hjælp.
signup-data-use = Vi bruger dine oplysninger kun til tilmeldingen. Vi sletter navn, e-mail, telefon og besked { $days ->
    [one] 1 dag
   *[other] { $days } dage
} efter aktiviteten.
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
signup-party = { $adults ->
    [one] 1 voksen
   *[other] { $adults } voksne
} og { $children ->
    [one] 1 barn
   *[other] { $children } børn
}
signup-keep-link = Adressen på denne side er din egen. Del den ikke med andre.
signup-cancel-hint = Kan I ikke komme alligevel? Så afmeld jer, så andre kan få pladsen.
signup-cancel = Afmeld
signup-party-too-big = { $max ->
    [one] Én tilmelding kan højst være for 1 person.
   *[other] Én tilmelding kan højst være for { $max } personer, voksne og børn tilsammen.
}
signup-max-party-hint = { $max ->
    [one] Højst 1 person på én tilmelding.
   *[other] Højst { $max } personer på én tilmelding.
}
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
search-count = { $count ->
    [one] 1 nyhed med "{ $query }".
   *[other] { $count } nyheder med "{ $query }".
}
magazine-title = Nordbyposten
magazine-intro = Kvarterets blad udkommer tre gange om året. Her kan du læse alle artiklerne.
magazine-empty = Der er ingen udgaver endnu.
magazine-all-issues = Alle udgaver af Nordbyposten
magazine-print = Udskriv hele udgaven
magazine-contents = Indhold

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
submission-photos-hint = { $max ->
    [one] Du kan sende 1 billede.
   *[other] Du kan sende op til { $max } billeder.
} Tilføj ét ad gangen, og tryk på "Gem kladde" for hvert billede.
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

## The newsletter
newsletter-title = Nyhedsbrev
newsletter-intro = Få ugens aktiviteter og nyheder i din e-mail hver uge. Du behøver ingen konto.
newsletter-subscribe-title = Få nyhedsbrevet
newsletter-subscribe-intro = Hver uge: ugens aktiviteter og de nye nyheder. Du kan altid afmelde det igen.
newsletter-subscribe-submit = Tilmeld nyhedsbrev
newsletter-field-email = Din e-mail
newsletter-field-email-hint = Vi sender en e-mail med et link. Du skal klikke på linket først.
newsletter-email-missing = Skriv din e-mailadresse.
newsletter-too-many = Der er sendt mange tilmeldinger herfra. Prøv igen om en time.
newsletter-notice-check-mail = Tjek din e-mail nu. Klik på linket i den for at få nyhedsbrevet.
newsletter-notice-left = Du er afmeldt. Vi har slettet din e-mailadresse.
newsletter-notice-saved = Dine valg er gemt.
newsletter-archive-title = Tidligere nyhedsbreve
newsletter-archive-empty = Der er ikke sendt nogen nyhedsbreve endnu.
newsletter-archive-link = Alle nyhedsbreve
newsletter-week-title = Nyhedsbrev uge { $week }, { $year }
newsletter-sent-on = Sendt { $date }
newsletter-dates-title = Aktiviteter i ugen
newsletter-news-title = Nyheder
newsletter-no-dates = Der er ingen af dine aktiviteter i denne uge.
newsletter-no-news = Der er ingen nye nyheder.
newsletter-sign-up = Tilmeld jer her
seats-just-come = Bare mød op
seats-open = Tilmelding er åben
seats-free = { $count ->
    [one] { $count } ledig plads
   *[other] { $count } ledige pladser
}
seats-full = Fuldt – venteliste
seats-cancelled = Aflyst
newsletter-confirm-title = Bekræft dit nyhedsbrev
newsletter-confirm-save = Bekræft og gem
newsletter-manage-title = Dit nyhedsbrev
newsletter-manage-save = Gem mine valg
newsletter-manage-address = Nyhedsbrevet sendes til { $email }.
newsletter-manage-paused = Vi har sat nyhedsbrevet på pause, fordi din e-mail ikke kunne modtage det. Gem dine valg for at få det igen.
newsletter-choose-legend = Hvad vil du have?
newsletter-choose-everything = Alle aktiviteter
newsletter-choose-some = Kun det, jeg vælger herunder
newsletter-choose-activities = Aktiviteter
newsletter-choose-activities-hint = Sæt flueben ved det, du vil høre om.
newsletter-choose-areas = Indsatsområder
newsletter-choose-none = Vælg mindst én aktivitet eller ét område. Eller vælg alle aktiviteter.
newsletter-leave-title = Afmeld nyhedsbrevet
newsletter-leave-intro = Så får du ikke flere nyhedsbreve. Vi sletter din e-mailadresse med det samme.
newsletter-leave-submit = Afmeld nyhedsbrevet
newsletter-leave-instead = Nej, jeg vil hellere ændre mine valg
newsletter-email-subject = Ugens nyt fra { $site }, uge { $week }
newsletter-email-change = Vælg, hvad du får
newsletter-email-leave = Afmeld
newsletter-email-web = Læs nyhedsbrevet på nettet
newsletter-email-confirm-subject = Bekræft nyhedsbrevet fra { $site }
newsletter-email-confirm-body = Du har bedt om nyhedsbrevet fra { $site }. Klik på linket for at sige ja.
newsletter-email-confirm-choose = Her kan du også vælge, hvilke aktiviteter du vil høre om.
newsletter-email-confirm-action = Ja, send mig nyhedsbrevet
newsletter-email-confirm-ignore = Har du ikke bedt om det? Så gør du ingenting. Vi sletter adressen efter 7 dage.
newsletter-email-already-subject = Dit nyhedsbrev fra { $site }
newsletter-email-already-body = Du får allerede nyhedsbrevet fra { $site }. Med linket kan du ændre, hvad du får, eller afmelde det.
newsletter-email-already-action = Se mit nyhedsbrev
newsletter-email-already-ignore = Har du ikke bedt om det? Så gør du ingenting.
