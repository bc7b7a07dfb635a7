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
menu-open = Menu
menu-close = Luk menu
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
calendar-title = Kalender
calendar-empty = Der er ingen aktiviteter i kalenderen endnu. Kig forbi igen snart.

## Write for the magazine
write-title = Skriv til { $magazine }
write-intro = Har du en historie fra kvarteret, eller har du taget gode billeder? Så vil vi gerne have dem med på hjemmesiden og i { $magazine }.
write-who = Borgerjournalister er beboere, der skriver eller fotograferer som frivillige. Du behøver ikke skrive perfekt dansk. Redaktionen hjælper dig.
write-how = Vil du være med? Kontakt { $organisation }. Så får du en invitation på e-mail, og derefter kan du skrive og sende billeder direkte her på siden.

## Log in
login-title = Log ind
login-who = Her logger medarbejdere og borgerjournalister ind.
login-residents = Som beboer skal du ikke logge ind. Du kan læse alt og tilmelde dig uden at logge ind.
login-not-open = Log ind er ikke åbnet endnu.

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
privacy-reading = Når du læser hjemmesiden, gemmer vi ingen oplysninger om dig. Vi sætter ingen cookies, og vi gemmer ikke din IP-adresse.
privacy-no-tracking = Vi bruger ikke Google Analytics, Facebook eller andre firmaer til at følge med i, hvad du gør.
privacy-later-heading = Når der kommer nye muligheder
privacy-later = Senere kan du tilmelde dig aktiviteter her. Før det sker, skriver vi på denne side, hvilke oplysninger vi gemmer, hvorfor, og hvornår vi sletter dem.
privacy-rights-heading = Dine rettigheder
privacy-rights = Du har ret til at vide, hvilke oplysninger vi har om dig. Du kan også bede os om at rette eller slette dem.
privacy-complaint = Hvis du mener, at vi behandler dine oplysninger forkert, kan du klage til Datatilsynet.
privacy-complaint-link = Gå til Datatilsynet

## Passwords
password-too-short = Adgangskoden skal have mindst 8 tegn.
password-too-long = Adgangskoden må højst have 256 tegn.
password-too-common = Den adgangskode er for let at gætte. Prøv fx tre eller fire ord, der ikke hører sammen.
