# Danish interface text of the staff's pages, which stay Danish in every language of the site.
# Write plainly all the same: many of the staff have Danish as their second language.

## Staff area
backup-title = Backup
backup-off = Der laves ingen natlige backups. Sæt NABOSKAB_BACKUP_DIR, som README forklarer.
backup-ok = Seneste backup: { $file } ({ $size }), lavet { $when }.
backup-missing = Der er ingen backup fra det sidste døgn. Den nyeste er { $newest }. Se serverens log.
backup-none = der ikke nogen af
backup-failed = Den seneste backup fejlede: { $reason }
staff-danish-only = Personalets sider er kun på dansk. Beboerne kan læse hjemmesiden på dansk, engelsk og arabisk, og deres e-mails kommer på det sprog, de tilmeldte sig på.
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
user-two-factor = Totrin
user-two-factor-on = Til
user-two-factor-off = Fra
user-reset-two-factor = Nulstil totrin
notice-two-factor-reset = Totrinsbekræftelsen er nulstillet. Personen har fået en e-mail og kan slå den til igen.
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

## Staff: activities
activity-focus-area = Indsatsområde
activity-summaries = Kort resumé på andre sprog
activity-summaries-hint = Skriv gerne et par sætninger til dem, der læser siden på et andet sprog. Beskrivelsen ovenfor vises altid, som den er skrevet.
activity-field-summary = Resumé på { $language }
activity-summary-too-long = { $max ->
    [one] Resuméet må højst være 1 tegn.
   *[other] Resuméet må højst være { $max } tegn.
}
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
article-cover-alt-too-long = Beskrivelsen af billedet må højst have { $max } tegn.
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

## The newsletter's settings
staff-newsletter-weekday-invalid = Vælg en ugedag.
staff-newsletter-time-invalid = Skriv et klokkeslæt som 07:00.
staff-newsletter-note-too-long = Hilsenen må højst være 2.000 tegn.
staff-newsletter-title = Nyhedsbrev
staff-link-newsletter = Skriv en hilsen til ugens nyhedsbrev, se det, før det går, og vælg, hvornår det sendes.
staff-newsletter-saved = Nyhedsbrevet er gemt. Se forhåndsvisningen herunder.
staff-newsletter-subscribers = { $count } adresser får nyhedsbrevet.
staff-newsletter-weekday = Sendes om
staff-newsletter-time = Klokken (dansk tid)
staff-newsletter-note = Hilsen i næste nyhedsbrev
staff-newsletter-note-hint = Valgfri og kort. Den kommer øverst i næste nyhedsbrev og slettes, når det er sendt. En tom linje giver et nyt afsnit.
staff-newsletter-save = Gem og vis
staff-newsletter-preview = Sådan ser nyhedsbrevet for uge { $week } ud nu
staff-newsletter-paused = Sat på pause
staff-newsletter-paused-hint = Mailserveren har afvist disse adresser tre gange i træk. De får intet, før ejeren gemmer sine valg igen.
staff-newsletter-none-paused = Ingen adresser er sat på pause.
staff-newsletter-sent = Sendte nyhedsbreve
staff-newsletter-none-sent = Der er ikke sendt nogen endnu.
staff-newsletter-sent-line = Uge { $week }, { $year }: { $recipients } modtagere

## The newsletter's figures
newsletter-figures-title = Nyhedsbrevet
newsletter-figures-months = Abonnenter ved hver måneds udgang
newsletter-figures-month = Måned
newsletter-figures-subscribers = Abonnenter
newsletter-figures-subscribers-definition = En abonnent er en e-mailadresse, der har bekræftet nyhedsbrevet. Vi tæller dem ved hver måneds udgang; en adresse, der afmelder sig, er kun med i tallet for de måneder, den var med.
newsletter-figures-sent = Sendte nyhedsbreve
newsletter-figures-sent-definition = Et nyhedsbrev er ugens udsendelse; modtagerne er de adresser, det blev sendt til.
newsletter-figures-from = Tilmeldinger fra nyhedsbrevet
newsletter-figures-from-definition = En tilmelding kommer fra nyhedsbrevet, når den er lavet fra et link i et nyhedsbrev. Linket bærer kun ugen, ikke personen. Andelen er af alle tilmeldinger lavet i perioden.
newsletter-figures-sentence = I { $period } sendte vi { $newsletters ->
        [one] ét nyhedsbrev
       *[other] { $newsletters } nyhedsbreve
    } til i alt { $recipients ->
        [one] én modtager
       *[other] { $recipients } modtagere
    }, og { $subscribers ->
        [one] én adresse
       *[other] { $subscribers } adresser
    } fik nyhedsbrevet ved periodens udgang. { $from_newsletter } af { $signups ->
        [one] { $signups } tilmelding
       *[other] { $signups } tilmeldinger
    } ({ $share } %) kom fra et link i nyhedsbrevet.

## An activity's picture.
activity-picture = Billede
activity-picture-hint = Uden et foto viser siden en tegning af den slags aktivitet, du vælger her.
activity-field-kind = Slags aktivitet
activity-kind-meal = Spisning
activity-kind-babycafe = Babycafé
activity-kind-sport = Sport og bevægelse
activity-kind-learning = Læring og undervisning
activity-kind-party = Fest
activity-kind-walk = Gåtur
activity-kind-meeting = Møde og snak
activity-kind-invalid = Vælg en slags aktivitet fra listen.
activity-current-photo = Aktivitetens foto nu
