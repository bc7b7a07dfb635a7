# Arabic interface text (Modern Standard Arabic, plain). Numbers are written with Western digits.

## Page shell
language-name = العربية
language-choose = اللغة
date-at-time = { $date }، الساعة { $time }
date-and-time = { $date }، { $time }
skip-to-content = انتقل إلى المحتوى
nav-menu = القائمة
nav-label = القائمة الرئيسية
nav-home = الصفحة الرئيسية
nav-news = الأخبار
nav-calendar = التقويم
nav-write = اكتبوا في { $magazine }
nav-login = تسجيل الدخول
nav-logout = تسجيل الخروج
nav-staff = الموظفون
nav-journalist = صفحاتي
footer-run-by = يدير هذا الموقع { $organisation }.
footer-contact = للتواصل:
footer-accessibility = إمكانية الوصول
footer-privacy = الخصوصية والكوكيز
contact-email = البريد الإلكتروني:
contact-phone = الهاتف:
contact-address = العنوان:
go-home = العودة إلى الصفحة الرئيسية

## Errors
not-found-title = الصفحة غير موجودة
not-found-text = لا نستطيع أن نجد الصفحة التي تبحثون عنها. ربما نُقلت إلى مكان آخر، أو يوجد خطأ في العنوان.
server-error-title = حدث خطأ ما
server-error-text = حدث خطأ عندنا، وليس عندكم. حاولوا مرة أخرى بعد قليل. إذا استمر الخطأ، فتواصلوا معنا.
try-later-title = حاولوا مرة أخرى لاحقًا
try-later-text = لا يستطيع الموقع أن يحفظ أي شيء الآن. ما أرسلتموه لم يُحفظ. كل ما حُفظ من قبل ما زال موجودًا. حاولوا مرة أخرى بعد قليل.

## Front page
home-title = مرحبًا بكم في { $site }
home-see-calendar = شاهدوا ما يحدث في الحي
home-read-news = اقرؤوا الأخبار
home-areas = المناطق السكنية
home-venues = أماكن في الحي
home-no-venues = لم تُضَف أي أماكن بعد.

## Sections that open later
news-title = الأخبار
news-empty = لا توجد أخبار بعد. زوروا الصفحة مرة أخرى قريبًا.

## Calendar
activity-summary-heading = باختصار
calendar-title = التقويم
calendar-coming = الأسابيع الأربعة القادمة
calendar-view-list = قائمة
calendar-view-month = شهر
calendar-view-week = أسبوع
calendar-week-heading = الأسبوع { $week }، { $year } ({ $from } – { $to })
calendar-pager = تغيير الفترة
calendar-previous = ‹ السابق
calendar-next = التالي ›
calendar-feed = اشتركوا في التقويم (iCalendar)
calendar-feed-hint = هكذا تظهر الأنشطة في التقويم على هاتفكم.
calendar-filter-area = الموضوع
calendar-filter-venue = المكان
calendar-filter-all = الكل
calendar-filter-submit = عرض
calendar-nothing = لا توجد أنشطة في هذه الفترة.
calendar-today = اليوم
calendar-day-empty = لا توجد أنشطة.
calendar-month-caption = أنشطة الشهر، أسبوعًا بعد أسبوع
occurrence-cancelled = ملغى
occurrence-moved-from = نُقل من { $date }
occurrence-cancelled-long = أُلغي النشاط في هذا اليوم.
occurrence-moved-long = نُقل موعد النشاط في هذا اليوم. كان موعده الأصلي { $date }.
share-title = مشاركة
share-email = البريد الإلكتروني
occurrence-add-to-calendar = أضيفوه إلى تقويمي
occurrence-all-dates = كل مواعيد هذا النشاط
activity-venue = المكان
activity-price = السعر
activity-signup = التسجيل
activity-accessibility = إمكانية الوصول
activity-contact = للتواصل
activity-dates = المواعيد القادمة
activity-no-dates = لا توجد مواعيد قادمة.
activity-feed = أضيفوا المواعيد إلى تقويمكم
signup-none = لا تحتاجون إلى التسجيل. تعالوا فقط.
signup-optional = يمكنكم التسجيل، ويمكنكم أيضًا أن تأتوا دون تسجيل.
signup-required = يجب عليكم التسجيل.
home-this-week = هذا الأسبوع
home-this-week-empty = لا توجد أنشطة في التقويم لبقية هذا الأسبوع.
home-this-week-error = لا يمكن عرض التقويم الآن.
rule-once = مرة واحدة، { $date }
rule-weekly = كل أسبوع: { $days }
rule-every-n-weeks = { $n ->
    [zero] كل { $n } أسبوع: { $days }
    [one] كل أسبوع: { $days }
    [two] كل أسبوعين: { $days }
    [few] كل { $n } أسابيع: { $days }
    [many] كل { $n } أسبوعًا: { $days }
   *[other] كل { $n } أسبوع: { $days }
}
rule-monthly = { $n ->
    [1] يوم { $day } الأول من كل شهر
    [2] يوم { $day } الثاني من كل شهر
    [3] يوم { $day } الثالث من كل شهر
    [4] يوم { $day } الرابع من كل شهر
    [zero] يوم { $day } رقم { $n } من كل شهر
    [one] يوم { $day } الأول من كل شهر
    [two] يوم { $day } الثاني من كل شهر
    [few] يوم { $day } رقم { $n } من كل شهر
    [many] يوم { $day } رقم { $n } من كل شهر
   *[other] يوم { $day } رقم { $n } من كل شهر
}
rule-monthly-last = يوم { $day } الأخير من كل شهر
rule-until = ، حتى { $date } ضمنًا
rule-count = { $count ->
    [zero] ، { $count } مرة في المجموع
    [one] ، مرة واحدة في المجموع
    [two] ، مرتان في المجموع
    [few] ، { $count } مرات في المجموع
    [many] ، { $count } مرةً في المجموع
   *[other] ، { $count } مرة في المجموع
}
rule-no-weekday = اختاروا يومًا واحدًا على الأقل من أيام الأسبوع.
rule-bad-interval = اكتبوا رقمًا بين 1 و52.
rule-bad-nth = اختاروا أي أسبوع في الشهر.
rule-ends-before-start = يجب أن يكون تاريخ النهاية بعد التاريخ الأول.
rule-bad-count = اكتبوا عددًا بين 1 و1000.

## Write for the magazine
write-title = اكتبوا في { $magazine }
write-intro = هل عندكم قصة من الحي، أو التقطتم صورًا جميلة؟ يسعدنا أن ننشرها على الموقع وفي { $magazine }.
write-who = الصحفيون المواطنون هم سكان يكتبون أو يصوّرون كمتطوعين. لا تحتاجون إلى كتابة دنماركية ممتازة. فريق التحرير يساعدكم.
write-how = هل تريدون المشاركة؟ تواصلوا مع { $organisation }. ستصلكم دعوة بالبريد الإلكتروني، وبعدها يمكنكم الكتابة وإرسال الصور مباشرة هنا على الموقع.

## Log in
login-title = تسجيل الدخول
login-who = هنا يسجّل الموظفون والصحفيون المواطنون الدخول.
login-residents = السكان لا يحتاجون إلى تسجيل الدخول. يمكنكم قراءة كل شيء والتسجيل في الأنشطة دون تسجيل الدخول.
login-submit = تسجيل الدخول
login-forgot = هل نسيتم كلمة المرور؟
login-email-missing = اكتبوا عنوان بريدكم الإلكتروني.
login-password-missing = اكتبوا كلمة المرور.
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة. حاولوا مرة أخرى، أو اطلبوا كلمة مرور جديدة.
login-already = لقد سجّلتم الدخول باسم { $name }.
login-go-on = متابعة
notice-logged-out = لقد سجّلتم الخروج.
notice-session-ended = لم تستخدموا الموقع منذ فترة، لذلك تم تسجيل خروجكم. سجّلوا الدخول مرة أخرى.
too-many-attempts = حدثت محاولات كثيرة جدًا. انتظروا بضع دقائق، ثم حاولوا مرة أخرى.
csrf-refused-title = لم يُرسَل النموذج
csrf-refused-text = أُرسل النموذج من موقع آخر، لذلك رفضناه لحمايتكم. ارجعوا إلى الصفحة، وحاولوا مرة أخرى.

## Forms
form-error-heading = توجد مشكلة
form-errors-heading = { $count ->
    [zero] لا توجد أخطاء
    [one] يجب تصحيح خطأ واحد
    [two] يجب تصحيح خطأين
    [few] يجب تصحيح { $count } أخطاء
    [many] يجب تصحيح { $count } خطأً
   *[other] يجب تصحيح { $count } خطأ
}
form-error-prefix = خطأ:
field-email = عنوان البريد الإلكتروني
field-password = كلمة المرور
field-name = الاسم
field-name-hint = اسمكم كما سيراه الآخرون، مثلًا تحت المقالات.
field-new-password = كلمة المرور الجديدة
field-current-password = كلمة المرور الحالية
field-role = الدور
password-hint = 8 أحرف على الأقل. يمكنكم استخدام ثلاث أو أربع كلمات لا علاقة بينها.
email-invalid = اكتبوا عنوان بريد إلكتروني صحيحًا، مثلًا name@example.dk.
name-missing = اكتبوا اسمكم.
name-too-long = يجب ألا يزيد الاسم عن 100 حرف.
role-missing = اختاروا دورًا.
password-current-wrong = كلمة المرور الحالية غير صحيحة.

## Roles
role-admin = مسؤول الموقع
role-staff = موظف
role-journalist = صحفي مواطن

## Invitations and new passwords
invitation-title = أنشئوا حسابكم
invitation-intro = تمت دعوتكم بعنوان البريد الإلكتروني { $email }. اختاروا اسمكم وكلمة مرور.
invitation-submit = إنشاء الحساب
link-expired = هذا الرابط لم يعد يعمل. ربما استُخدم من قبل، أو أصبح قديمًا جدًا.
link-ask-again = اطلبوا رابطًا جديدًا
forgot-title = نسيتم كلمة المرور؟
forgot-intro = اكتبوا عنوان بريدكم الإلكتروني. سنرسل لكم رابطًا تختارون فيه كلمة مرور جديدة.
forgot-submit = إرسال الرابط
notice-reset-sent = إذا كان هذا العنوان لحساب عندنا، فقد أرسلنا رسالة بريد إلكتروني فيها رابط. الرابط يعمل لمدة ساعة واحدة. انظروا أيضًا في مجلد الرسائل غير المرغوب فيها (spam).
reset-title = اختاروا كلمة مرور جديدة
reset-intro = اختاروا كلمة مرور جديدة للحساب { $email }.
reset-submit = حفظ كلمة المرور الجديدة

## Own account
account-language-title = لغة رسائلكم الإلكترونية
account-language-legend = بأي لغة تريدون رسائل فريق التحرير؟
account-language-submit = حفظ اللغة
account-language-unknown = اختاروا لغة من القائمة.
notice-language-saved = تم حفظ لغتكم.
account-title = حسابي
account-role = الدور
change-password-title = تغيير كلمة المرور
change-password-submit = تغيير كلمة المرور
notice-password-changed = تم تغيير كلمة المرور.
email-settings-title = رسائل البريد الإلكتروني
email-settings-submissions = أرسلوا لي رسالة بالبريد الإلكتروني عندما يرسل صحفي مواطن مشاركة إلى فريق التحرير.
email-settings-submit = حفظ
notice-email-settings-saved = تم حفظ اختياراتكم بخصوص رسائل البريد الإلكتروني.
forbidden-title = غير مسموح بالدخول
forbidden-text = حسابكم لا يسمح لكم بفتح هذه الصفحة. تواصلوا مع مسؤول الموقع إذا كنتم تحتاجون إليها.
forbidden-go-on = الذهاب إلى صفحاتكم

## Two-factor login
two-factor-title = تسجيل الدخول بخطوتين
two-factor-intro = مع تسجيل الدخول بخطوتين تكتبون أيضًا رمزًا من تطبيق على هاتفكم عند تسجيل الدخول. وبذلك لا يستطيع أحد الدخول بكلمة المرور وحدها.
two-factor-required = أنتم مسؤولو الموقع. فعّلوا تسجيل الدخول بخطوتين قبل استخدام صفحات الموظفين.
two-factor-step-app = حمّلوا تطبيقًا يصنع الرموز، مثل Microsoft Authenticator أو Google Authenticator أو تطبيق كلمات المرور لديكم.
two-factor-step-scan = امسحوا رمز QR بالتطبيق. ويمكنكم أيضًا فتح الرابط على هاتفكم أو كتابة المفتاح في التطبيق.
two-factor-qr = رمز QR لتطبيقكم
two-factor-open-link = افتحوا في التطبيق على هذا الهاتف
two-factor-secret = المفتاح
two-factor-step-code = اكتبوا الرمز المكوّن من 6 أرقام الذي يظهره التطبيق.
field-two-factor-code = الرمز من التطبيق
two-factor-submit = فعّلوا تسجيل الدخول بخطوتين
two-factor-on = تسجيل الدخول بخطوتين مفعّل لحسابكم.
two-factor-codes-left = { $count ->
    [zero] لم يبقَ لديكم أي رمز احتياطي.
    [one] بقي لديكم رمز احتياطي واحد.
    [two] بقي لديكم رمزان احتياطيان.
    [few] بقي لديكم { $count } رموز احتياطية.
    [many] بقي لديكم { $count } رمزًا احتياطيًا.
   *[other] بقي لديكم { $count } رمز احتياطي.
}
two-factor-lost = إذا فقدتم هاتفكم، يمكنكم الدخول برمز احتياطي. ثم اطلبوا من أحد المسؤولين إعادة ضبط تسجيل الدخول بخطوتين.
two-factor-back = العودة إلى حسابي
two-factor-codes-title = رموزكم الاحتياطية
two-factor-codes-intro = احفظوا الرموز الآن، على ورقة أو في تطبيق كلمات المرور. لن تظهر إلا هذه المرة. إذا فقدتم هاتفكم، يمكنكم الدخول بأحدها. كل رمز يعمل مرة واحدة.
two-factor-codes-done = حفظت الرموز
two-factor-code-missing = اكتبوا الرمز من التطبيق.
two-factor-code-wrong = الرمز غير صحيح. اكتبوا أحدث رمز من التطبيق.
two-factor-start-again = حدث خطأ ما. امسحوا رمز QR الجديد وحاولوا مرة أخرى.
two-factor-already-on = تسجيل الدخول بخطوتين مفعّل من قبل.
account-two-factor-off = تسجيل الدخول بخطوتين غير مفعّل.
account-two-factor-set-up = فعّلوا تسجيل الدخول بخطوتين
account-two-factor-see = اطلعوا على رموزكم الاحتياطية
second-step-title = اكتبوا الرمز من تطبيقكم
second-step-intro = افتحوا التطبيق على هاتفكم واكتبوا الرمز المكوّن من 6 أرقام الذي يظهره. إذا فقدتم الهاتف، اكتبوا أحد رموزكم الاحتياطية.
field-second-step-code = الرمز
second-step-submit = تسجيل الدخول
second-step-start-again = البدء من جديد
second-step-code-missing = اكتبوا الرمز من التطبيق أو رمزًا احتياطيًا.
second-step-wrong = الرمز غير صحيح. اكتبوا أحدث رمز من التطبيق أو رمزًا احتياطيًا.

## Emails
email-signature = مع أطيب التحيات
    { $site }
email-invitation-subject = دعوة إلى { $site }
email-invitation-body = تمت دعوتكم إلى موقع { $site } بدور: { $role }.
email-invitation-valid = اضغطوا على الرابط لاختيار اسمكم وكلمة مرور. الرابط يعمل لمدة 7 أيام، ويمكن استخدامه مرة واحدة فقط.
email-invitation-action = أنشئوا حسابكم
email-invitation-ignore = إذا كنتم لا تعرفون شيئًا عن هذه الدعوة، يمكنكم ببساطة حذف هذه الرسالة.
email-reset-subject = كلمة مرور جديدة لموقع { $site }
email-reset-body = طلب شخص ما كلمة مرور جديدة لحسابكم على { $site }.
email-reset-valid = اضغطوا على الرابط لاختيار كلمة مرور جديدة. الرابط يعمل لمدة ساعة واحدة، ويمكن استخدامه مرة واحدة فقط.
email-reset-action = اختاروا كلمة مرور جديدة
email-reset-ignore = إذا لم تطلبوا ذلك، يمكنكم ببساطة حذف هذه الرسالة. كلمة المرور لم تتغير.
email-account-action = اذهبوا إلى حسابكم
email-two-factor-not-you = إذا لم تكونوا أنتم، غيّروا كلمة المرور فورًا وتواصلوا مع أحد المسؤولين.
email-two-factor-on-subject = تسجيل الدخول بخطوتين مفعّل على { $site }
email-two-factor-on-body = أصبح تسجيل الدخول بخطوتين مفعّلًا لحسابكم على { $site }. عند تسجيل الدخول تكتبون أيضًا رمزًا من تطبيقكم.
email-two-factor-on-codes = احفظوا رموزكم الاحتياطية في مكان آمن.
email-recovery-used-subject = استُخدم رمز احتياطي على { $site }
email-recovery-used-body = دخل شخص ما إلى حسابكم على { $site } بأحد رموزكم الاحتياطية.
email-two-factor-reset-subject = أُعيد ضبط تسجيل الدخول بخطوتين على { $site }
email-two-factor-reset-body = أوقف أحد المسؤولين تسجيل الدخول بخطوتين لحسابكم على { $site }. يمكنكم تفعيله مرة أخرى من صفحة حسابي.

## Accessibility statement (/was)
was-title = بيان إمكانية الوصول
was-scope = هذا البيان خاص بموقع { $site }. نريد أن يستطيع الجميع استخدام الموقع، أيضًا مع قارئ الشاشة، ومع لوحة المفاتيح، وعلى هاتف صغير، ودون JavaScript.
was-status-heading = ما مدى سهولة الوصول إلى الموقع؟
was-status = الموقع متوافق جزئيًا مع معيار WCAG 2.1 في المستوى AA. لا نعرف عن أخطاء فيه، لكن لم يراجعه خبير بعد. لهذا نكتب "جزئيًا".
was-how-heading = كيف نختبر الموقع
was-how-axe = تُختبر كل صفحة تلقائيًا بأداة axe-core، في كل مرة نغيّر فيها الموقع.
was-how-keyboard = يمكن استخدام كل الروابط والأزرار بلوحة المفاتيح، ويوجد رابط لتخطي القائمة.
was-how-phone = الصفحات مصممة للهواتف، حتى الهواتف التي عرض شاشتها 360 بكسلًا فقط، وفيها أزرار كبيرة.
was-how-nojs = كل شيء يعمل أيضًا عندما يكون JavaScript معطّلًا.
was-known-heading = مشكلات معروفة
was-known = لا نعرف عن مشكلات حاليًا. بعض المحتوى، مثل الأخبار والمقالات، متوفر باللغة الدنماركية فقط.
was-feedback-heading = أخبرونا عن المشكلات
was-feedback = إذا كان من الصعب عليكم استخدام جزء من الموقع، فاكتبوا إلى { $organisation } أو اتصلوا بهم. سنرد عليكم بأسرع ما نستطيع.
was-complaint-heading = تقديم شكوى
was-complaint = إذا لم تكونوا راضين عن ردنا، يمكنكم تقديم شكوى إلى Digitaliseringsstyrelsen (هيئة الرقمنة الدنماركية). هذه الهيئة تراقب إمكانية الوصول في المواقع الحكومية والعامة.
was-complaint-link = الذهاب إلى موقع Digitaliseringsstyrelsen
was-date = كُتب هذا البيان في 26 نوفمبر 2026.

## Privacy (/privatliv)
privacy-title = الخصوصية والكوكيز
privacy-controller = { $organisation } هي الجهة المسؤولة عن المعلومات التي يحفظها الموقع.
privacy-reading-heading = عندما تقرؤون الموقع
privacy-reading = عندما تقرؤون الموقع، لا نحفظ أي معلومات عنكم. لا نضع أي كوكيز، ولا نحفظ أبدًا عنوان IP الخاص بكم.
privacy-counting-heading = كيف نحسب عدد الزوار
privacy-counting = علينا أن نُبلغ عن عدد الأشخاص الذين يستخدمون الموقع. لهذا نحسب زيارات الصفحات. نفعل ذلك بأنفسنا، على خادمنا الخاص، دون كوكيز، ودون JavaScript، ودون شركات أخرى.
privacy-counting-how = عندما تفتحون صفحة، يصنع الخادم رقمًا عشوائيًا من مفتاح سري خاص بهذا اليوم، ومن عنوان IP الخاص بكم، واسم متصفحكم، واسم الموقع. لا يمكن معرفة هويتكم من هذا الرقم. المفتاح جديد كل يوم، ويُحذف بعد منتصف الليل بقليل. لذلك لا يستطيع أحد، ولا نحن أيضًا، أن يعرف إن كانت زيارتان في يومين مختلفين من الشخص نفسه.
privacy-counting-stored = نحفظ فقط: عدد الزوار المختلفين في كل يوم، وعدد مرات عرض كل صفحة، وهل كانت الزيارة من هاتف أو جهاز لوحي أو حاسوب، واسم الموقع الذي جاء منه الرابط (مثلًا google.com، وليس العنوان الكامل أبدًا). يُحذف الرقم العشوائي لليوم مع المفتاح، بعد الانتهاء من عدّ زيارات ذلك اليوم.
privacy-counting-never = لا نحفظ أبدًا عنوان IP الخاص بكم أو اسم متصفحكم، لا في قاعدة البيانات ولا في السجل. لا نحسب الروبوتات مثل محركات البحث، ولا نحسب الموظفين والصحفيين المواطنين الذين سجّلوا الدخول.
privacy-counting-loss = نجمع الأرقام لبضع ثوانٍ قبل أن نحفظها. إذا توقف الخادم عن العمل، فقد تنقص من الأرقام زيارات الثواني الأخيرة.
privacy-login-cookie = الموظفون والصحفيون المواطنون الذين يسجّلون الدخول يحصلون على ملف كوكي واحد. هذا الملف يتذكر أنهم سجّلوا الدخول، ويُحذف عندما يسجّلون الخروج. ولا يُستخدم لأي شيء آخر.
privacy-no-tracking = لا نستخدم Google Analytics أو Facebook أو أي شركات أخرى لمتابعة ما تفعلونه.
privacy-sharing = تحت المقالات والأنشطة توجد روابط لمشاركة الصفحة على Facebook أو WhatsApp أو بالبريد الإلكتروني. إنها روابط عادية: لا تحمّل الصفحة أي شيء من Facebook أو WhatsApp، ولا يعرفان عنكم شيئًا حتى تضغطوا بأنفسكم على أحدها.
privacy-later-heading = عندما تسجّلون في نشاط
privacy-later = عندما تسجّلون، نحفظ اسمكم، وعدد البالغين والأطفال الذين سيحضرون، وبريدكم الإلكتروني أو رقم هاتفكم إذا كتبتموه، ورسالتكم. نستخدم هذه المعلومات للتسجيل فقط: لتنظيم المقاعد، وللتواصل معكم بخصوص التسجيل. لا تحصلون على أي كوكي.
privacy-retention = يُحذف الاسم والبريد الإلكتروني والهاتف والرسالة تلقائيًا بعد { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} من النشاط. نحفظ فقط عدد المشاركين دون أسماء، لأن علينا أن نُبلغ عن عدد الحاضرين.
privacy-newsletter-heading = عندما تصلكم النشرة الإخبارية
privacy-newsletter = نحفظ عنوان بريدكم الإلكتروني ولغتكم وما اخترتموه. إذا لم تؤكدوا خلال 7 أيام، نحذف العنوان. لا توجد في النشرة صور مخفية، ولا نرى إن كنتم تفتحونها أو على ماذا تضغطون. عندما تلغون الاشتراك، نحذف العنوان فورًا.
privacy-rights-heading = حقوقكم
privacy-rights = من حقكم أن تعرفوا ما المعلومات التي لدينا عنكم. ويمكنكم أيضًا أن تطلبوا منا تصحيحها أو حذفها.
privacy-complaint = إذا كنتم ترون أننا نتعامل مع معلوماتكم بطريقة خاطئة، يمكنكم تقديم شكوى إلى Datatilsynet (هيئة حماية البيانات الدنماركية).
privacy-complaint-link = الذهاب إلى موقع Datatilsynet

## Passwords
password-too-short = يجب أن تتكون كلمة المرور من 8 أحرف على الأقل.
password-too-long = يجب ألا تزيد كلمة المرور عن 256 حرفًا.
password-too-common = من السهل جدًا تخمين كلمة المرور هذه. جرّبوا مثلًا ثلاث أو أربع كلمات لا علاقة بينها.

## Sign-ups
signup-name-missing = اكتبوا اسمكم.
signup-adults-invalid = اكتبوا عدد البالغين الذين سيحضرون، 1 على الأقل.
signup-children-invalid = اكتبوا عدد الأطفال الذين سيحضرون، أو 0 إذا لم يحضر أطفال.
signup-contact-invalid = اكتبوا عنوان بريد إلكتروني، أو رقم هاتف من 8 أرقام على الأقل.
signup-note-too-long = يجب ألا تزيد الرسالة عن 500 حرف.
signup-closed = لا يمكن التسجيل في هذا التاريخ.
signup-email-manage = هنا يمكنكم رؤية تسجيلكم أو إلغاؤه:
signup-email-confirmed-subject = تم تسجيلكم: { $activity }
signup-email-confirmed = مرحبًا { $name }. شكرًا على تسجيلكم. يوجد مكان لكم.
signup-email-waitlisted-subject = أنتم على قائمة الانتظار: { $activity }
signup-email-waitlisted = مرحبًا { $name }. لا يوجد مكان الآن، لذلك أنتم على قائمة الانتظار. إذا توفر مكان، ستصلكم رسالة بالبريد الإلكتروني.
signup-email-promoted-subject = يوجد مكان لكم: { $activity }
signup-email-promoted = مرحبًا { $name }. توفر مكان، فأصبحتم الآن مسجّلين. إذا لم تستطيعوا الحضور، فاستخدموا الرابط في رسالتكم الأولى.
signup-title = التسجيل
signup-seats-left = { $seats ->
    [zero] لا توجد مقاعد شاغرة.
    [one] يوجد مقعد واحد شاغر.
    [two] يوجد مقعدان شاغران.
    [few] توجد { $seats } مقاعد شاغرة.
    [many] يوجد { $seats } مقعدًا شاغرًا.
   *[other] يوجد { $seats } مقعد شاغر.
}
signup-full = كل المقاعد محجوزة. إذا سجّلتم الآن، ستكونون على قائمة الانتظار، وسنخبركم إذا توفر مكان.
signup-field-name = الاسم
signup-field-adults = عدد البالغين
signup-field-children = عدد الأطفال
signup-field-contact = البريد الإلكتروني أو الهاتف (اختياري)
signup-field-contact-hint = اكتبوا بريدكم الإلكتروني إذا أردتم رسالة تأكيد ورابطًا لإلغاء التسجيل.
signup-field-note = رسالة (اختياري)
signup-field-note-hint = مثلًا حساسية من طعام، أو إذا كنتم تحتاجون إلى مساعدة.
signup-data-use = نستخدم معلوماتكم للتسجيل فقط. نحذف الاسم والبريد الإلكتروني والهاتف والرسالة بعد { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} من النشاط.
signup-submit = تسجيل
signup-manage-title = تسجيلكم
notice-signed-up = شكرًا. وصلنا تسجيلكم. احفظوا رابط هذه الصفحة إذا أردتم إلغاء التسجيل لاحقًا.
notice-signup-cancelled = تم إلغاء تسجيلكم. شكرًا لإخبارنا.
signup-status-confirmed = أنتم مسجّلون. يوجد مكان لكم.
signup-status-waitlisted = أنتم على قائمة الانتظار. إذا توفر مكان، تنتقلون إلى قائمة المسجّلين بحسب ترتيب تسجيلكم.
signup-status-cancelled = تم إلغاء التسجيل.
signup-what = النشاط
signup-when = الموعد
signup-who = العدد
signup-party = { $adults ->
    [zero] لا بالغين
    [one] بالغ واحد
    [two] بالغان
    [few] { $adults } بالغين
    [many] { $adults } بالغًا
   *[other] { $adults } بالغ
} و{ $children ->
    [zero] لا أطفال
    [one] طفل واحد
    [two] طفلان
    [few] { $children } أطفال
    [many] { $children } طفلًا
   *[other] { $children } طفل
}
signup-keep-link = عنوان هذه الصفحة خاص بكم. لا تشاركوه مع الآخرين.
signup-cancel-hint = لا تستطيعون الحضور؟ ألغوا تسجيلكم، حتى يحصل غيركم على المكان.
signup-cancel = إلغاء التسجيل
signup-party-too-big = { $max ->
    [zero] لا يمكن التسجيل في هذا النشاط.
    [one] التسجيل الواحد يكون لشخص واحد فقط.
    [two] الحد الأقصى للتسجيل الواحد هو شخصان، من البالغين والأطفال معًا.
    [few] الحد الأقصى للتسجيل الواحد هو { $max } أشخاص، من البالغين والأطفال معًا.
    [many] الحد الأقصى للتسجيل الواحد هو { $max } شخصًا، من البالغين والأطفال معًا.
   *[other] الحد الأقصى للتسجيل الواحد هو { $max } شخص، من البالغين والأطفال معًا.
}
signup-max-party-hint = { $max ->
    [zero] لا يمكن التسجيل.
    [one] شخص واحد فقط في التسجيل الواحد.
    [two] شخصان على الأكثر في التسجيل الواحد.
    [few] { $max } أشخاص على الأكثر في التسجيل الواحد.
    [many] { $max } شخصًا على الأكثر في التسجيل الواحد.
   *[other] { $max } شخص على الأكثر في التسجيل الواحد.
}
signup-too-many = وصلت تسجيلات كثيرة من اتصالكم بالإنترنت في وقت قصير. انتظروا قليلًا، ثم حاولوا مرة أخرى. ما كتبتموه محفوظ هنا.
signup-not-sent = لم يُرسَل التسجيل. راجعوا الخانات، ثم اضغطوا على "تسجيل" مرة أخرى.
signup-field-honeypot = اتركوا هذه الخانة فارغة

## Changing a sign-up, and reminders
signup-change-title = تغيير العدد
signup-change-submit = حفظ التغيير
signup-change-closed = لم يعد من الممكن تغيير التسجيل.
signup-change-no-room = لا توجد مقاعد كافية لهذا العدد. تبقى لكم المقاعد التي لديكم.
notice-party-changed = تم حفظ التغيير.
signup-email-reminder-subject = تذكير بموعد الغد: { $activity }
signup-email-reminder = مرحبًا { $name }. نتطلع إلى رؤيتكم غدًا. إذا لم تستطيعوا الحضور، فاستخدموا الرابط في رسالتكم الأولى لإلغاء التسجيل، حتى يحصل غيركم على المكان.

## News and the magazine
news-all = كل الأخبار
news-feed = خلاصة الأخبار (Atom)
news-pages = الصفحات
news-previous = ‹ الأحدث
news-next = الأقدم ›
news-page-of = الصفحة { $page } من { $pages }
news-tag-title = أخبار عن { $tag }
news-tags = المواضيع
news-from-issue = من عدد
news-more-by = المزيد بقلم { $name }
news-byline = بقلم { $name }
feed-title = أخبار { $site }
search-title = البحث في الأخبار
search-label = ابحثوا عن
search-submit = بحث
search-none = لم نجد أخبارًا فيها "{ $query }". جرّبوا كلمة أخرى.
search-count = { $count ->
    [zero] لا توجد أخبار فيها "{ $query }".
    [one] خبر واحد فيه "{ $query }".
    [two] خبران فيهما "{ $query }".
    [few] { $count } أخبار فيها "{ $query }".
    [many] { $count } خبرًا فيها "{ $query }".
   *[other] { $count } خبر فيها "{ $query }".
}
magazine-title = Nordbyposten
magazine-intro = مجلة الحي تصدر ثلاث مرات في السنة. هنا يمكنكم قراءة كل المقالات.
magazine-empty = لا توجد أعداد بعد.
magazine-all-issues = كل أعداد Nordbyposten
magazine-print = طباعة العدد كاملًا
magazine-contents = المحتويات

## Citizen journalism: the journalist's submissions
journalist-intro = هنا تكتبون المقالات وترسلون الصور إلى فريق التحرير. يقرؤها فريق التحرير، ويرد عليكم هنا وبالبريد الإلكتروني.
journalist-my-submissions = مشاركاتكم
journalist-no-submissions = لم تكتبوا شيئًا بعد.
journalist-back = العودة إلى صفحاتكم
submission-new = مشاركة جديدة
submission-untitled = (بدون عنوان)
submission-photo-count = { $count ->
    [zero] لا صور
    [one] صورة واحدة
    [two] صورتان
    [few] { $count } صور
    [many] { $count } صورةً
   *[other] { $count } صورة
}
submission-newest-comment = آخر تعليق:
submission-field-title = العنوان
submission-field-body = النص
submission-field-body-hint = اكتبوا كما تتكلمون. اتركوا سطرًا فارغًا بين الفقرات. يمكنكم إرسال صور مع نص قليل أو دون نص.
submission-photos = الصور
submission-photos-hint = { $max ->
    [zero] لا يمكنكم إرسال صور.
    [one] يمكنكم إرسال صورة واحدة.
    [two] يمكنكم إرسال صورتين على الأكثر.
    [few] يمكنكم إرسال { $max } صور على الأكثر.
    [many] يمكنكم إرسال { $max } صورةً على الأكثر.
   *[other] يمكنكم إرسال { $max } صورة على الأكثر.
} أضيفوا صورة واحدة في كل مرة، واضغطوا على "حفظ المسودة" بعد كل صورة.
submission-photo-new = إضافة صورة
submission-photo-caption = النص تحت الصورة
submission-photo-alt = وصف الصورة
submission-photo-remove = حذف الصورة
submission-consent = الأشخاص الذين في الصور وافقوا على عرض الصور. وبالنسبة للأطفال، وافق أولياء أمورهم.
submission-consent-hint = يجب تحديد هذه الخانة عندما ترسلون صورًا.
submission-save = حفظ المسودة
submission-send = إرسال إلى فريق التحرير
submission-see-article = عرض المقال
submission-state-help-draft = أنتم وحدكم ترونها. أرسلوها إلى فريق التحرير عندما تكونون جاهزين.
submission-state-help-sent = وصلت إلى فريق التحرير، وهم يقرؤونها الآن. ستصلكم رسالة بالبريد الإلكتروني عندما يردون.
submission-state-help-changes = يطلب منكم فريق التحرير تصحيح شيء. اقرؤوا تعليقهم في الأسفل، وصحّحوا النص، ثم أرسلوه مرة أخرى.
submission-state-help-rejected = لن ينشرها فريق التحرير. يمكنكم قراءة السبب في الأسفل.
submission-state-help-published = تم نشرها. شكرًا على مشاركتكم!
submission-thread = السجل والتعليقات
submission-someone = مستخدم سابق
submission-comment-field = اكتبوا تعليقًا
submission-comment-submit = إرسال التعليق
submission-state-draft = مسودة
submission-state-sent = أُرسلت إلى فريق التحرير
submission-state-changes = صحّحوا وأرسلوا مرة أخرى
submission-state-rejected = مرفوضة
submission-state-published = منشورة
submission-event-created = { $who }: بدء المشاركة
submission-event-sent = { $who }: إرسال إلى فريق التحرير
submission-event-comment = { $who }: تعليق
submission-event-changes = { $who }: طلب تصحيحات
submission-event-rejected = { $who }: رفض المشاركة
submission-event-published = { $who }: نشر المشاركة
notice-submission-saved = تم حفظ المسودة.
notice-submission-sent = شكرًا! تم إرسال مشاركتكم إلى فريق التحرير.
notice-comment-saved = تم إرسال تعليقكم.
notice-changes-asked = تم إبلاغ الصحفي بالتصحيحات المطلوبة.
notice-submission-rejected = تم رفض المشاركة، وتم إبلاغ الصحفي بذلك.
submission-title-missing = اكتبوا عنوانًا.
submission-empty = اكتبوا نصًا، أو أضيفوا صورة واحدة على الأقل، قبل الإرسال.
submission-photo-alt-missing = صِفوا باختصار ما تُظهره الصورة. هكذا يعرف المكفوفون أيضًا ما فيها.
submission-photo-text-too-long = يجب ألا يزيد النص تحت الصورة ولا وصف الصورة عن 500 حرف لكل منهما.
submission-photo-too-many = يمكن إضافة 10 صور على الأكثر. احذفوا صورة قبل أن تضيفوا صورة جديدة.
submission-consent-missing = ضعوا علامة في الخانة عندما يوافق الأشخاص الذين في الصور. دون موافقتهم لا يمكننا عرض الصور.
submission-comment-missing = اكتبوا تعليقكم.
submission-changes-missing = اكتبوا ما يجب على الصحفي تصحيحه.
submission-reason-missing = اكتبوا سبب رفض المشاركة.
submission-message-too-long = يجب ألا يزيد النص عن 5000 حرف.
submission-issue-unknown = اختاروا أحد أعداد المجلة من القائمة.

## Citizen journalism: emails
email-submission-sent-subject = مشاركة جديدة: { $title }
email-submission-sent-body = وصلت إلى فريق التحرير في { $site } مشاركة جديدة من { $author }: "{ $title }". إنها تنتظر قراءتكم.
email-submission-resent-subject = مشاركة مصحّحة: { $title }
email-submission-resent-body = وصلت من { $author } نسخة مصحّحة من "{ $title }". إنها تنتظر قراءتكم.
email-submission-comment-subject = تعليق جديد على "{ $title }"
email-submission-comment-body = كتب فريق التحرير تعليقًا على "{ $title }":
email-submission-changes-subject = نرجو تصحيح "{ $title }"
email-submission-changes-body = قرأ فريق التحرير "{ $title }"، ويطلب منكم تصحيح بعض الأشياء قبل النشر. هذه رسالة فريق التحرير:
email-submission-rejected-subject = لن يُنشر "{ $title }"
email-submission-rejected-body = قرأ فريق التحرير "{ $title }"، وقرر للأسف عدم نشره. هذه رسالة فريق التحرير:
email-submission-published-subject = تم نشر "{ $title }"
email-submission-published-body = شكرًا! تم نشر "{ $title }" الآن على { $site } باسمكم.
email-submission-open = قراءة المشاركة
email-submission-see = عرض مشاركتكم
email-submission-see-article = عرض المقال
email-submission-closing = يمكنكم الرد على فريق التحرير على الموقع.

## The newsletter
newsletter-title = النشرة الإخبارية
newsletter-intro = احصلوا على أنشطة الأسبوع وأخباره في بريدكم الإلكتروني كل أسبوع. لا تحتاجون إلى حساب.
newsletter-subscribe-title = احصلوا على النشرة الإخبارية
newsletter-subscribe-intro = كل أسبوع: أنشطة الأسبوع وآخر الأخبار. يمكنكم إلغاء الاشتراك في أي وقت.
newsletter-subscribe-submit = اشتركوا
newsletter-field-email = بريدكم الإلكتروني
newsletter-field-email-hint = نرسل رسالة فيها رابط. يجب أن تضغطوا على الرابط أولًا.
newsletter-email-missing = اكتبوا عنوان بريدكم الإلكتروني.
newsletter-too-many = أُرسلت اشتراكات كثيرة من هنا. حاولوا مرة أخرى بعد ساعة.
newsletter-notice-check-mail = افحصوا بريدكم الإلكتروني الآن. اضغطوا على الرابط فيه لتحصلوا على النشرة.
newsletter-notice-left = تم إلغاء اشتراككم. حذفنا عنوان بريدكم الإلكتروني.
newsletter-notice-saved = تم حفظ اختياراتكم.
newsletter-archive-title = النشرات السابقة
newsletter-archive-empty = لم تُرسل أي نشرة بعد.
newsletter-archive-link = كل النشرات
newsletter-week-title = النشرة الإخبارية، الأسبوع { $week }، { $year }
newsletter-sent-on = أُرسلت في { $date }
newsletter-dates-title = أنشطة هذا الأسبوع
newsletter-news-title = الأخبار
newsletter-no-dates = لا يوجد أي من أنشطتكم هذا الأسبوع.
newsletter-no-news = لا توجد أخبار جديدة.
newsletter-sign-up = سجّلوا هنا
seats-just-come = تعالوا فقط
seats-open = التسجيل مفتوح
seats-free = { $count ->
    [zero] لا توجد أماكن شاغرة
    [one] مكان واحد شاغر
    [two] مكانان شاغران
    [few] { $count } أماكن شاغرة
    [many] { $count } مكانًا شاغرًا
   *[other] { $count } مكان شاغر
}
seats-full = ممتلئ – قائمة انتظار
seats-cancelled = أُلغي
newsletter-confirm-title = أكّدوا اشتراككم في النشرة
newsletter-confirm-save = أكّدوا واحفظوا
newsletter-manage-title = نشرتكم الإخبارية
newsletter-manage-save = احفظوا اختياراتي
newsletter-manage-address = تُرسل النشرة إلى { $email }.
newsletter-manage-paused = أوقفنا النشرة مؤقتًا لأن بريدكم الإلكتروني لم يستطع استلامها. احفظوا اختياراتكم لتحصلوا عليها من جديد.
newsletter-choose-legend = ماذا تريدون؟
newsletter-choose-everything = كل الأنشطة
newsletter-choose-some = فقط ما أختاره أدناه
newsletter-choose-activities = الأنشطة
newsletter-choose-activities-hint = ضعوا علامة على ما تريدون أن تعرفوا عنه.
newsletter-choose-areas = مجالات التركيز
newsletter-choose-none = اختاروا نشاطًا واحدًا أو مجالًا واحدًا على الأقل. أو اختاروا كل الأنشطة.
newsletter-leave-title = إلغاء الاشتراك في النشرة
newsletter-leave-intro = لن تصلكم نشرات أخرى. نحذف عنوان بريدكم الإلكتروني فورًا.
newsletter-leave-submit = ألغوا الاشتراك
newsletter-leave-instead = لا، أفضّل أن أغيّر اختياراتي
newsletter-email-subject = أخبار الأسبوع من { $site }، الأسبوع { $week }
newsletter-email-change = اختاروا ما يصلكم
newsletter-email-leave = إلغاء الاشتراك
newsletter-email-web = اقرؤوا النشرة على الإنترنت
newsletter-email-confirm-subject = أكّدوا نشرة { $site }
newsletter-email-confirm-body = طلبتم النشرة الإخبارية من { $site }. اضغطوا على الرابط لتقولوا نعم.
newsletter-email-confirm-choose = هناك يمكنكم أيضًا أن تختاروا الأنشطة التي تريدون أن تعرفوا عنها.
newsletter-email-confirm-action = نعم، أرسلوا لي النشرة
newsletter-email-confirm-ignore = لم تطلبوها؟ إذن لا تفعلوا شيئًا. نحذف العنوان بعد 7 أيام.
newsletter-email-already-subject = نشرتكم الإخبارية من { $site }
newsletter-email-already-body = تصلكم النشرة الإخبارية من { $site } بالفعل. بالرابط يمكنكم تغيير ما يصلكم أو إلغاء الاشتراك.
newsletter-email-already-action = اعرضوا نشرتي
newsletter-email-already-ignore = لم تطلبوها؟ إذن لا تفعلوا شيئًا.
