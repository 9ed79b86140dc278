<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>AttendeeCard</name>
    <message>
        <source>Check in by hand</source>
        <translation>ہاتھ سے چیک اِن کریں</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>پابندی ہٹائیں</translation>
    </message>
    <message>
        <source>Block badge</source>
        <translation>بیج بلاک کریں</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>بیج دوبارہ پرنٹ کریں</translation>
    </message>
    <message>
        <source>Back to results</source>
        <translation>نتائج پر واپس</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ</translation>
    </message>
    <message>
        <source>Attention: {text}</source>
        <translation>توجہ: {text}</translation>
    </message>
    <message>
        <source>Not checked in today</source>
        <translation>آج چیک اِن نہیں ہوا</translation>
    </message>
    <message>
        <source>Checked in today at {first}; inside now (last in {last})</source>
        <translation>آج {first} بجے چیک اِن ہوا؛ ابھی اندر ہیں (آخری داخلہ {last})</translation>
    </message>
    <message>
        <source>Checked in today at {first}; went out at {out}</source>
        <translation>آج {first} بجے چیک اِن ہوا؛ {out} بجے باہر گئے</translation>
    </message>
    <message>
        <source>BLOCKED: {reason}</source>
        <translation>بلاک شدہ: {reason}</translation>
    </message>
    <message>
        <source>Latest scans:</source>
        <translation>حالیہ اسکین:</translation>
    </message>
    <message>
        <source>No scans yet.</source>
        <translation>ابھی تک کوئی اسکین نہیں۔</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>پی ڈی ایف محفوظ کریں</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>پرنٹ کریں</translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation>بیج پرنٹر</translation>
    </message>
    <message>
        <source>Lost: new badge (PDF)</source>
        <translation>گم ہو گیا: نیا بیج (پی ڈی ایف)</translation>
    </message>
    <message>
        <source>Why check in by hand?</source>
        <translation>ہاتھ سے چیک اِن کی وجہ؟</translation>
    </message>
    <message>
        <source>Why block this badge?</source>
        <translation>یہ بیج بلاک کرنے کی وجہ؟</translation>
    </message>
    <message>
        <source>Why unblock?</source>
        <translation>پابندی ہٹانے کی وجہ؟</translation>
    </message>
    <message>
        <source>Reprint as:</source>
        <translation>دوبارہ پرنٹ:</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Scan your badge</source>
        <translation>اپنا بیج اسکین کریں</translation>
    </message>
    <message>
        <source>Hold the QR code on your badge or phone up to the camera above the screen.</source>
        <translation>اپنے بیج یا فون کا کیو آر کوڈ اسکرین کے اوپر لگے کیمرے کے سامنے رکھیں۔</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>شروع کریں</translation>
    </message>
    <message>
        <source>Lowered</source>
        <translation>بٹن نیچے ہیں</translation>
    </message>
    <message>
        <source>Low reach</source>
        <translation>بٹن نیچے کریں</translation>
    </message>
    <message>
        <source>Find your way</source>
        <translation>راستہ تلاش کریں</translation>
    </message>
    <message>
        <source>Hold the QR code on your badge or phone under the scanner below the screen.</source>
        <translation>اپنے بیج یا فون کا کیو آر کوڈ اسکرین کے نیچے لگے اسکینر کے نیچے رکھیں۔</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>آواز میں سنیں</translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation>آواز میں سنایا جا رہا ہے</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>زیادہ واضح رنگ</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Visitor</source>
        <translation>وزیٹر</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>نمائش کنندہ</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>وی آئی پی</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>میڈیا</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>مقرر</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>عملہ</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>منتظم</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Checked in today</source>
        <translation>آج چیک اِن</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>ابھی اندر</translation>
    </message>
    <message>
        <source>Accepted scans</source>
        <translation>منظور شدہ اسکین</translation>
    </message>
    <message>
        <source>Refused scans</source>
        <translation>مسترد اسکین</translation>
    </message>
    <message>
        <source>Arrivals per 15 minutes</source>
        <translation>ہر 15 منٹ میں آمد</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>آج</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>گزشتہ کل</translation>
    </message>
    <message>
        <source>Halls: inside now</source>
        <translation>ہال: ابھی اندر</translation>
    </message>
    <message>
        <source>By gate</source>
        <translation>گیٹ کے لحاظ سے</translation>
    </message>
    <message>
        <source>By kiosk</source>
        <translation>کیوسک کے لحاظ سے</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>زمرے کے لحاظ سے</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>گھنٹے کے لحاظ سے</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>چیک اِن</translation>
    </message>
    <message>
        <source>Last 20 scans</source>
        <translation>آخری 20 اسکین</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>وقت</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>گیٹ</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>کیوسک</translation>
    </message>
    <message>
        <source>Reading the numbers…</source>
        <translation>اعداد پڑھے جا رہے ہیں…</translation>
    </message>
    <message>
        <source>All kiosks, from the hub (kiosks: {n})</source>
        <translation>تمام کیوسک، حب سے (کیوسک: {n})</translation>
    </message>
    <message>
        <source>Merged database (kiosks: {n})</source>
        <translation>یکجا ڈیٹابیس (کیوسک: {n})</translation>
    </message>
    <message>
        <source>This kiosk only ({kiosk}): the hub cannot be reached</source>
        <translation>صرف یہ کیوسک ({kiosk}): حب سے رابطہ نہیں ہو رہا</translation>
    </message>
    <message>
        <source>This kiosk only ({kiosk})</source>
        <translation>صرف یہ کیوسک ({kiosk})</translation>
    </message>
    <message>
        <source>Cannot read the numbers: {problem}</source>
        <translation>اعداد نہیں پڑھے جا سکے: {problem}</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>تازہ کاری {time}</translation>
    </message>
    <message>
        <source>Not current: {problem}</source>
        <translation>تازہ نہیں: {problem}</translation>
    </message>
    <message>
        <source>Refused · {n} duplicates apart</source>
        <translation>مسترد · {n} دہرائے گئے الگ</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(کوئی نہیں)</translation>
    </message>
    <message>
        <source>by staff</source>
        <translation>عملے نے</translation>
    </message>
    <message>
        <source>No hall capacities are set for this event.</source>
        <translation>اس ایونٹ کے لیے ہالوں کی گنجائش درج نہیں۔</translation>
    </message>
    <message>
        <source>Inside through gates of no hall: {gates}</source>
        <translation>کسی ہال سے غیر منسلک گیٹوں سے اندر: {gates}</translation>
    </message>
    <message>
        <source>{inside} inside (no capacity set)</source>
        <translation>{inside} اندر (گنجائش درج نہیں)</translation>
    </message>
    <message>
        <source>{inside} of {capacity} ({percent} %)</source>
        <translation>{capacity} میں سے {inside} ({percent} %)</translation>
    </message>
    <message>
        <source>FULL</source>
        <translation>بھر گیا</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>تقریباً بھر گیا</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Staff dashboard</source>
        <translation>عملے کا ڈیش بورڈ</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export to which folder?</source>
        <translation>کس فولڈر میں ایکسپورٹ کریں؟</translation>
    </message>
    <message>
        <source>Export is not set up on this kiosk.</source>
        <translation>اس کیوسک پر ایکسپورٹ ترتیب نہیں دیا گیا۔</translation>
    </message>
    <message>
        <source>Writing the bundle to {folder}…</source>
        <translation>بنڈل {folder} میں لکھا جا رہا ہے…</translation>
    </message>
    <message>
        <source>Save this kiosk&apos;s whole scan log as one bundle file, to merge with the other kiosks&apos; logs (kiosk merge).</source>
        <translation>اس کیوسک کا پورا اسکین لاگ ایک بنڈل فائل میں محفوظ کریں، تاکہ اسے دوسرے کیوسکوں کے لاگ کے ساتھ یکجا کیا جا سکے (kiosk merge)۔</translation>
    </message>
    <message>
        <source>Export to {drive}</source>
        <translation>{drive} پر ایکسپورٹ کریں</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in, or choose a folder.</source>
        <translation>کوئی یو ایس بی اسٹک نہیں ملی۔ اسٹک لگائیں یا فولڈر منتخب کریں۔</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>فولڈر منتخب کریں…</translation>
    </message>
    <message>
        <source>Export failed: {problem}</source>
        <translation>ایکسپورٹ ناکام: {problem}</translation>
    </message>
    <message>
        <source>Saved to {file} (scans: {scans})</source>
        <translation>{file} میں محفوظ (اسکین: {scans})</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>Camera</source>
        <translation>کیمرا</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>فریم فی سیکنڈ</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>ڈی کوڈر</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>آخری اسکین</translation>
    </message>
    <message>
        <source>Scan log</source>
        <translation>اسکین لاگ</translation>
    </message>
    <message>
        <source>Not yet on the hub</source>
        <translation>ابھی حب پر نہیں</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>حب</translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation>خالی ڈسک</translation>
    </message>
    <message>
        <source>Latest staff actions</source>
        <translation>عملے کی حالیہ کارروائیاں</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>کام کر رہا ہے</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>دوبارہ جُڑ رہا ہے…</translation>
    </message>
    <message>
        <source>Lost: use the badge scanner</source>
        <translation>منقطع: بیج اسکینر استعمال کریں</translation>
    </message>
    <message>
        <source>No camera (badge scanner only)</source>
        <translation>کیمرا نہیں (صرف بیج اسکینر)</translation>
    </message>
    <message>
        <source>available</source>
        <translation>دستیاب</translation>
    </message>
    <message>
        <source>No scans yet</source>
        <translation>ابھی تک کوئی اسکین نہیں</translation>
    </message>
    <message>
        <source>Scans: {scans} · {size}</source>
        <translation>اسکین: {scans} · {size}</translation>
    </message>
    <message>
        <source>No hub set up (export the log instead)</source>
        <translation>حب ترتیب نہیں دیا گیا (اس کی جگہ لاگ ایکسپورٹ کریں)</translation>
    </message>
    <message>
        <source>No hub set up</source>
        <translation>حب ترتیب نہیں دیا گیا</translation>
    </message>
    <message>
        <source>All scans are on the hub</source>
        <translation>تمام اسکین حب پر ہیں</translation>
    </message>
    <message>
        <source>Waiting for the hub: {n} scans</source>
        <translation>حب کے منتظر اسکین: {n}</translation>
    </message>
    <message>
        <source>Reachable · last contact {time}</source>
        <translation>رابطہ ہے · آخری رابطہ {time}</translation>
    </message>
    <message>
        <source>Not reachable: {problem}</source>
        <translation>رابطہ نہیں: {problem}</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>ابھی کوئی جواب نہیں</translation>
    </message>
    <message>
        <source>{size} free</source>
        <translation>{size} خالی</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>No staff PIN is set on this kiosk. Set one with: kiosk staff set-pin</source>
        <translation>اس کیوسک پر عملے کا پن مقرر نہیں ہے۔ مقرر کرنے کے لیے: kiosk staff set-pin</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n minute(s).</source>
        <translation>
            <numerusform>بہت زیادہ غلط پن۔ %n منٹ بعد دوبارہ کوشش کریں۔</numerusform>
            <numerusform>بہت زیادہ غلط پن۔ %n منٹ بعد دوبارہ کوشش کریں۔</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN, please try again</source>
        <translation>غلط پن، دوبارہ کوشش کریں</translation>
    </message>
    <message>
        <source>the registration desk</source>
        <translation>رجسٹریشن ڈیسک</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <source>Name, company, phone, e-mail or registration number</source>
        <translation>نام، کمپنی، فون، ای میل یا رجسٹریشن نمبر</translation>
    </message>
    <message>
        <source>Type part of a name, company, phone number, e-mail or registration number, or scan the badge.</source>
        <translation>نام، کمپنی، فون نمبر، ای میل یا رجسٹریشن نمبر کا کچھ حصہ لکھیں، یا بیج اسکین کریں۔</translation>
    </message>
    <message>
        <source>Nobody found for “{query}”.</source>
        <translation>“{query}” کے لیے کوئی نہیں ملا۔</translation>
    </message>
    <message>
        <source>Found: {n}</source>
        <translation>ملے: {n}</translation>
    </message>
    <message>
        <source>This badge is not on this kiosk&apos;s roster.</source>
        <translation>یہ بیج اس کیوسک کی فہرست میں نہیں۔</translation>
    </message>
    <message>
        <source>Not checked in: {problem}</source>
        <translation>چیک اِن نہیں ہوا: {problem}</translation>
    </message>
    <message>
        <source>Checked in by hand at {time} ({outcome}).</source>
        <translation>{time} بجے ہاتھ سے چیک اِن کیا گیا ({outcome})۔</translation>
    </message>
    <message>
        <source>Could not change the block: {problem}</source>
        <translation>پابندی تبدیل نہیں ہو سکی: {problem}</translation>
    </message>
    <message>
        <source>Blocked on this kiosk now; other kiosks follow through the hub.</source>
        <translation>اس کیوسک پر ابھی بلاک کر دیا گیا؛ دوسرے کیوسک حب کے ذریعے عمل کریں گے۔</translation>
    </message>
    <message>
        <source>The search failed: {problem}</source>
        <translation>تلاش ناکام ہو گئی: {problem}</translation>
    </message>
    <message>
        <source>Unblocked.</source>
        <translation>پابندی ہٹا دی گئی۔</translation>
    </message>
    <message>
        <source>Badge printing is not set up on this kiosk.</source>
        <translation>اس کیوسک پر بیج پرنٹنگ ترتیب نہیں دی گئی۔</translation>
    </message>
    <message>
        <source>This badge was never issued, and this event does not accept registration numbers: ask the organiser to issue it.</source>
        <translation>یہ بیج کبھی جاری نہیں ہوا، اور یہ ایونٹ رجسٹریشن نمبر قبول نہیں کرتا: منتظم سے بیج جاری کروائیں۔</translation>
    </message>
    <message>
        <source>Preparing the badge…</source>
        <translation>بیج تیار ہو رہا ہے…</translation>
    </message>
    <message>
        <source>New badge issued: the old one no longer gets in. Preparing it…</source>
        <translation>نیا بیج جاری ہو گیا: پرانے بیج سے اب داخلہ نہیں۔ تیار ہو رہا ہے…</translation>
    </message>
    <message>
        <source>The badge printer failed: {problem}</source>
        <translation>بیج پرنٹر ناکام رہا: {problem}</translation>
    </message>
    <message>
        <source>Sent to the badge printer (job {job}).</source>
        <translation>بیج پرنٹر کو بھیج دیا گیا (کام {job})۔</translation>
    </message>
    <message>
        <source>The badge could not be made: {problem}</source>
        <translation>بیج نہیں بن سکا: {problem}</translation>
    </message>
    <message>
        <source>signed badge</source>
        <translation>دستخط شدہ بیج</translation>
    </message>
    <message>
        <source>registration number (never issued)</source>
        <translation>رجسٹریشن نمبر (کبھی جاری نہیں ہوا)</translation>
    </message>
    <message>
        <source>a new badge; the old one no longer gets in</source>
        <translation>نیا بیج؛ پرانے بیج سے اب داخلہ نہیں</translation>
    </message>
    <message>
        <source>Saved {file} ({kind}).</source>
        <translation>{file} محفوظ ہو گئی ({kind})۔</translation>
    </message>
    <message>
        <source>Printing cancelled; the PDF is in {file}.</source>
        <translation>پرنٹنگ منسوخ؛ پی ڈی ایف {file} میں ہے۔</translation>
    </message>
    <message>
        <source>The printer failed: {problem}</source>
        <translation>پرنٹر ناکام: {problem}</translation>
    </message>
    <message>
        <source>Sent to the printer ({kind}).</source>
        <translation>پرنٹر کو بھیج دیا گیا ({kind})۔</translation>
    </message>
</context>
<context>
    <name>NoBadgeScreen</name>
    <message>
        <source>No badge? Check in with your registration</source>
        <translation>بیج نہیں؟ اپنی رجسٹریشن سے اندراج کریں</translation>
    </message>
    <message>
        <source>Type the e-mail address or phone number you registered with.</source>
        <translation>وہ ای میل پتہ یا فون نمبر لکھیں جس سے آپ نے رجسٹریشن کی تھی۔</translation>
    </message>
    <message>
        <source>Found. To confirm, type the first three letters of your name as registered.</source>
        <translation>مل گیا۔ تصدیق کے لیے رجسٹریشن والے اپنے نام کے پہلے تین حروف (انگریزی میں) لکھیں۔</translation>
    </message>
    <message>
        <source>Found. To confirm, type the last four digits of your phone number.</source>
        <translation>مل گیا۔ تصدیق کے لیے اپنے فون نمبر کے آخری چار ہندسے لکھیں۔</translation>
    </message>
    <message>
        <source>That is not an e-mail address or a phone number.</source>
        <translation>یہ ای میل پتہ یا فون نمبر نہیں ہے۔</translation>
    </message>
    <message>
        <source>We could not find one registration with that. Please try again or go to {help}.</source>
        <translation>اس سے کوئی ایک رجسٹریشن نہیں ملی۔ دوبارہ کوشش کریں یا {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>That does not match. Please go to {help}.</source>
        <translation>یہ مطابقت نہیں رکھتا۔ براہِ کرم {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>Please go to {help}.</source>
        <translation>براہِ کرم {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>Too many tries at this kiosk. Please go to {help}.</source>
        <translation>اس کیوسک پر بہت زیادہ کوششیں ہو گئیں۔ براہِ کرم {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>This event checks in without a badge only at {help}.</source>
        <translation>اس نمائش میں بیج کے بغیر اندراج صرف {help} پر ہوتا ہے۔</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>واپس</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>آگے</translation>
    </message>
    <message>
        <source>No badge?</source>
        <translation>بیج نہیں؟</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Clear</source>
        <translation>مٹائیں</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>خالی جگہ</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>شفٹ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف کریں</translation>
    </message>
    <message>
        <source>Hide keyboard</source>
        <translation>کی بورڈ چھپائیں</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Welcome</source>
        <translation>خوش آمدید</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>دوبارہ خوش آمدید</translation>
    </message>
    <message>
        <source>Goodbye, see you soon</source>
        <translation>خدا حافظ، پھر ملیں گے</translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation>آپ پہلے ہی چیک اِن ہو چکے ہیں</translation>
    </message>
    <message>
        <source>We could not find this registration</source>
        <translation>ہمیں یہ رجسٹریشن نہیں ملی</translation>
    </message>
    <message>
        <source>This code is not a valid badge</source>
        <translation>یہ کوڈ درست بیج نہیں ہے</translation>
    </message>
    <message>
        <source>This badge has been blocked</source>
        <translation>یہ بیج بلاک کر دیا گیا ہے</translation>
    </message>
    <message>
        <source>This badge is not valid today</source>
        <translation>یہ بیج آج کے لیے درست نہیں</translation>
    </message>
    <message>
        <source>This badge is for another venue</source>
        <translation>یہ بیج کسی اور مقام کے لیے ہے</translation>
    </message>
    <message>
        <source>The halls are closed now</source>
        <translation>ہال اس وقت بند ہیں</translation>
    </message>
    <message>
        <source>Enjoy the show.</source>
        <translation>نمائش سے لطف اندوز ہوں۔</translation>
    </message>
    <message>
        <source>Your badge is valid. Enjoy the show.</source>
        <translation>آپ کا بیج درست ہے۔ نمائش سے لطف اندوز ہوں۔</translation>
    </message>
    <message>
        <source>Checked in by staff.</source>
        <translation>عملے نے چیک اِن کیا۔</translation>
    </message>
    <message>
        <source>Good to see you again.</source>
        <translation>آپ کو دوبارہ دیکھ کر خوشی ہوئی۔</translation>
    </message>
    <message>
        <source>Your exit has been recorded.</source>
        <translation>آپ کی روانگی درج کر لی گئی ہے۔</translation>
    </message>
    <message>
        <source>This badge was scanned here a moment ago.</source>
        <translation>یہ بیج ابھی کچھ دیر پہلے یہیں اسکین ہوا تھا۔</translation>
    </message>
    <message>
        <source>Re-entry is not allowed with this badge.</source>
        <translation>اس بیج کے ساتھ دوبارہ داخلے کی اجازت نہیں۔</translation>
    </message>
    <message>
        <source>The code was empty.</source>
        <translation>کوڈ خالی تھا۔</translation>
    </message>
    <message>
        <source>The code is too long to be a badge.</source>
        <translation>یہ کوڈ بیج ہونے کے لیے بہت لمبا ہے۔</translation>
    </message>
    <message>
        <source>The code could not be read as text.</source>
        <translation>کوڈ کو متن کے طور پر پڑھا نہیں جا سکا۔</translation>
    </message>
    <message>
        <source>The badge code is damaged or incomplete.</source>
        <translation>بیج کا کوڈ خراب یا نامکمل ہے۔</translation>
    </message>
    <message>
        <source>The badge was not issued for this event.</source>
        <translation>یہ بیج اس نمائش کے لیے جاری نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The badge could not be verified.</source>
        <translation>بیج کی تصدیق نہیں ہو سکی۔</translation>
    </message>
    <message>
        <source>This ticket is not for entry here.</source>
        <translation>یہ ٹکٹ یہاں داخلے کے لیے نہیں ہے۔</translation>
    </message>
    <message>
        <source>Please show the QR code of your badge.</source>
        <translation>براہ کرم اپنے بیج کا کیو آر کوڈ دکھائیں۔</translation>
    </message>
    <message>
        <source>This registration number is not on our list.</source>
        <translation>یہ رجسٹریشن نمبر ہماری فہرست میں نہیں ہے۔</translation>
    </message>
    <message>
        <source>It cannot be used to enter.</source>
        <translation>اس سے داخلہ ممکن نہیں۔</translation>
    </message>
    <message>
        <source>The exhibition is not open today.</source>
        <translation>نمائش آج کھلی نہیں ہے۔</translation>
    </message>
    <message>
        <source>Your badge is for other days of the exhibition.</source>
        <translation>آپ کا بیج نمائش کے دوسرے دنوں کے لیے ہے۔</translation>
    </message>
    <message>
        <source>Your badge is for the exhibition in another city.</source>
        <translation>آپ کا بیج کسی دوسرے شہر کی نمائش کے لیے ہے۔</translation>
    </message>
    <message>
        <source>The halls have not opened yet.</source>
        <translation>ہال ابھی نہیں کھلے۔</translation>
    </message>
    <message>
        <source>The halls have closed for today.</source>
        <translation>آج کے لیے ہال بند ہو چکے ہیں۔</translation>
    </message>
    <message>
        <source>This kiosk cannot record check-ins right now.</source>
        <translation>یہ کیوسک اس وقت چیک اِن درج نہیں کر سکتا۔</translation>
    </message>
    <message>
        <source>Please go to {help} with your registration e-mail or ID card.</source>
        <translation>براہ کرم اپنی رجسٹریشن ای میل یا شناختی کارڈ کے ساتھ {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>Please try again, or go to {help}.</source>
        <translation>براہ کرم دوبارہ کوشش کریں، یا {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>Please go to {help}.</source>
        <translation>براہ کرم {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>Please check the dates on your badge or go to {help}.</source>
        <translation>براہ کرم اپنے بیج پر تاریخیں دیکھیں یا {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>Please check the venue on your badge or go to {help}.</source>
        <translation>براہ کرم اپنے بیج پر مقام دیکھیں یا {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>Opening hours today: {hours}.</source>
        <translation>آج کے اوقات: {hours}۔</translation>
    </message>
    <message>
        <source>If you need help, please ask a member of staff.</source>
        <translation>مدد درکار ہو تو عملے کے کسی رکن سے پوچھیں۔</translation>
    </message>
    <message>
        <source>Please see a member of staff before you go in.</source>
        <translation>اندر جانے سے پہلے براہ کرم عملے کے کسی رکن سے ملیں۔</translation>
    </message>
    <message>
        <source>Please go to {help}; staff will check you in.</source>
        <translation>براہ کرم {help} پر جائیں؛ عملہ آپ کا چیک اِن کر دے گا۔</translation>
    </message>
    <message>
        <source>Your badge is for {venue}.</source>
        <translation>آپ کا بیج {venue} کے لیے ہے۔</translation>
    </message>
    <message>
        <source>Your badge is valid on {days}.</source>
        <translation>آپ کا بیج {days} کے لیے ہے۔</translation>
    </message>
    <message>
        <source>The exhibition is open on {days}.</source>
        <translation>نمائش {days} کو کھلی ہے۔</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff only: enter your PIN</source>
        <translation>صرف عملہ: اپنا پن درج کریں</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>مٹائیں</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ٹھیک</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ</translation>
    </message>
</context>
<context>
    <name>PrinterPanel</name>
    <message>
        <source>Printing again…</source>
        <translation>دوبارہ پرنٹ ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Could not print again: {problem}</source>
        <translation>دوبارہ پرنٹ نہیں ہو سکا: {problem}</translation>
    </message>
    <message>
        <source>Printed again: {done} of {total}</source>
        <translation>دوبارہ پرنٹ ہوئے: {total} میں سے {done}</translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation>بیج پرنٹر</translation>
    </message>
    <message>
        <source>Badges not printed</source>
        <translation>جو بیج پرنٹ نہیں ہوئے</translation>
    </message>
    <message>
        <source>Print them again</source>
        <translation>انہیں دوبارہ پرنٹ کریں</translation>
    </message>
    <message>
        <source>Not reachable: {problem}</source>
        <translation>رابطہ نہیں: {problem}</translation>
    </message>
    <message>
        <source>No CUPS queue {queue}</source>
        <translation>CUPS میں {queue} نام کی قطار نہیں</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>تیار</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>پرنٹ ہو رہا ہے</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>رکا ہوا</translation>
    </message>
    <message>
        <source>{n} job(s) waiting</source>
        <translation>{n} کام منتظر</translation>
    </message>
    <message>
        <source>None</source>
        <translation>کوئی نہیں</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>You are checked in. Your badge could not be printed: please collect it at {help}.</source>
        <translation>آپ کا اندراج ہو گیا ہے۔ آپ کا بیج پرنٹ نہیں ہو سکا: براہِ کرم اسے {help} سے لے لیں۔</translation>
    </message>
    <message>
        <source>Print my badge</source>
        <translation>میرا بیج پرنٹ کریں</translation>
    </message>
    <message>
        <source>Your badge is printing…</source>
        <translation>آپ کا بیج پرنٹ ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Your badge is being printed</source>
        <translation>آپ کا بیج پرنٹ ہو رہا ہے</translation>
    </message>
    <message>
        <source>Printed already today</source>
        <translation>آج پہلے ہی پرنٹ ہو چکا ہے</translation>
    </message>
    <message>
        <source>Your badge was printed here earlier today. For another one, please ask at {help}.</source>
        <translation>آپ کا بیج آج پہلے ہی یہاں پرنٹ ہو چکا ہے۔ دوسرے کے لیے براہِ کرم {help} سے رابطہ کریں۔</translation>
    </message>
    <message>
        <source>out of paper or labels</source>
        <translation>کاغذ یا لیبل ختم</translation>
    </message>
    <message>
        <source>paper jam</source>
        <translation>کاغذ پھنس گیا</translation>
    </message>
    <message>
        <source>paper or labels running low</source>
        <translation>کاغذ یا لیبل کم</translation>
    </message>
    <message>
        <source>out of toner or ribbon</source>
        <translation>ٹونر یا ربن ختم</translation>
    </message>
    <message>
        <source>out of ribbon or ink</source>
        <translation>ربن یا سیاہی ختم</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>ڈھکن کھلا ہے</translation>
    </message>
    <message>
        <source>door open</source>
        <translation>دروازہ کھلا ہے</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>آف لائن</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>بند ہے</translation>
    </message>
    <message>
        <source>cannot reach the printer</source>
        <translation>پرنٹر تک رسائی نہیں</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>روکا ہوا</translation>
    </message>
    <message>
        <source>refusing new jobs</source>
        <translation>نئے کام نہیں لے رہا</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>رکا ہوا</translation>
    </message>
    <message>
        <source>waiting its turn</source>
        <translation>باری کا منتظر</translation>
    </message>
    <message>
        <source>held</source>
        <translation>روکا گیا</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>پرنٹ ہو رہا ہے</translation>
    </message>
    <message>
        <source>stuck: the printer is stopped</source>
        <translation>اٹکا ہوا: پرنٹر رکا ہوا ہے</translation>
    </message>
    <message>
        <source>done</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <source>Job {job}</source>
        <translation>کام {job}</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>دوبارہ کوشش</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Sorry, check-in is not available at this kiosk</source>
        <translation>معذرت، اس کیوسک پر چیک اِن دستیاب نہیں</translation>
    </message>
    <message>
        <source>Show me the way to %1</source>
        <translation>%1 تک راستہ دکھائیں</translation>
    </message>
    <message>
        <source>Tap anywhere to continue</source>
        <translation>جاری رکھنے کے لیے کہیں بھی چھوئیں</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Hold your badge or phone inside the frame</source>
        <translation>اپنا بیج یا فون فریم کے اندر رکھیں</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>واپس</translation>
    </message>
    <message>
        <source>Find your way</source>
        <translation>راستہ تلاش کریں</translation>
    </message>
    <message>
        <source>Camera unavailable — use the scanner or ask staff</source>
        <translation>کیمرا دستیاب نہیں — اسکینر استعمال کریں یا عملے سے پوچھیں</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>کیمرا شروع ہو رہا ہے…</translation>
    </message>
    <message>
        <source>Phone screens work too: turn the brightness up.</source>
        <translation>فون کی اسکرین بھی چلتی ہے: روشنی تیز کر لیں۔</translation>
    </message>
    <message>
        <source>Hold the QR code of your badge under the scanner</source>
        <translation>اپنے بیج کا کیو آر کوڈ اسکینر کے نیچے رکھیں</translation>
    </message>
    <message>
        <source>Use the scanner below the screen</source>
        <translation>اسکرین کے نیچے والا اسکینر استعمال کریں</translation>
    </message>
    <message>
        <source>Reconnecting the camera…</source>
        <translation>کیمرا دوبارہ جوڑا جا رہا ہے…</translation>
    </message>
</context>
<context>
    <name>StaffAudit</name>
    <message>
        <source>Staff mode opened</source>
        <translation>عملے کا موڈ کھولا گیا</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>غلط پن</translation>
    </message>
    <message>
        <source>PIN pad locked</source>
        <translation>پن پیڈ بند کر دیا گیا</translation>
    </message>
    <message>
        <source>PIN tried while locked</source>
        <translation>بند ہونے کے دوران پن آزمایا گیا</translation>
    </message>
    <message>
        <source>Staff mode closed</source>
        <translation>عملے کا موڈ بند ہوا</translation>
    </message>
    <message>
        <source>Looked up</source>
        <translation>تلاش کیا گیا</translation>
    </message>
    <message>
        <source>Checked in by hand</source>
        <translation>ہاتھ سے چیک اِن</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>بلاک</translation>
    </message>
    <message>
        <source>Unblocked</source>
        <translation>پابندی ہٹائی گئی</translation>
    </message>
    <message>
        <source>Badge reprinted (PDF)</source>
        <translation>بیج دوبارہ بنایا گیا (پی ڈی ایف)</translation>
    </message>
    <message>
        <source>Badge printed</source>
        <translation>بیج پرنٹ ہوا</translation>
    </message>
    <message>
        <source>Lost badge replaced</source>
        <translation>گمشدہ بیج کی جگہ نیا بیج</translation>
    </message>
    <message>
        <source>Badge sent to the badge printer</source>
        <translation>بیج، بیج پرنٹر کو بھیجا گیا</translation>
    </message>
    <message>
        <source>Badge not printed: printer problem</source>
        <translation>بیج پرنٹ نہیں ہوا: پرنٹر میں خرابی</translation>
    </message>
    <message>
        <source>Badges printed again</source>
        <translation>بیج دوبارہ پرنٹ کیے گئے</translation>
    </message>
    <message>
        <source>Log exported</source>
        <translation>لاگ ایکسپورٹ ہوا</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>ایکسپورٹ ناکام</translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation>ڈیسک ٹاپ پر جائیں</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>Tap again to exit</source>
        <translation>باہر نکلنے کے لیے دوبارہ دبائیں</translation>
    </message>
    <message>
        <source>Staff mode</source>
        <translation>عملے کا موڈ</translation>
    </message>
    <message>
        <source>Staff mode ends by itself after two minutes without a touch.</source>
        <translation>دو منٹ تک نہ چھونے پر عملے کا موڈ خود بند ہو جاتا ہے۔</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ڈیش بورڈ</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>تلاش</translation>
    </message>
    <message>
        <source>Kiosk health</source>
        <translation>کیوسک کی حالت</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>ایکسپورٹ</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>چیک اِن پر واپس</translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation>ڈیسک ٹاپ پر جائیں</translation>
    </message>
</context>
<context>
    <name>StaffOutcome</name>
    <message>
        <source>Accepted</source>
        <translation>منظور</translation>
    </message>
    <message>
        <source>Re-entry</source>
        <translation>دوبارہ داخلہ</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>دہرایا گیا</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>باہر گئے</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>غلط</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>بلاک</translation>
    </message>
    <message>
        <source>Wrong day</source>
        <translation>غلط دن</translation>
    </message>
    <message>
        <source>Wrong venue</source>
        <translation>غلط مقام</translation>
    </message>
    <message>
        <source>Outside hours</source>
        <translation>اوقات سے باہر</translation>
    </message>
</context>
<context>
    <name>StaffReason</name>
    <message>
        <source>Badge damaged or unreadable</source>
        <translation>بیج خراب یا ناقابلِ مطالعہ</translation>
    </message>
    <message>
        <source>Forgot badge; identity checked</source>
        <translation>بیج بھول گئے؛ شناخت کی تصدیق ہو گئی</translation>
    </message>
    <message>
        <source>Phone battery dead</source>
        <translation>فون کی بیٹری ختم</translation>
    </message>
    <message>
        <source>Registered at the desk</source>
        <translation>ڈیسک پر رجسٹریشن ہوئی</translation>
    </message>
    <message>
        <source>Camera or scanner problem</source>
        <translation>کیمرے یا اسکینر کا مسئلہ</translation>
    </message>
    <message>
        <source>Badge reported lost</source>
        <translation>بیج گم ہونے کی اطلاع</translation>
    </message>
    <message>
        <source>Badge misused or shared</source>
        <translation>بیج کا غلط استعمال یا دوسروں کو دیا گیا</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>رجسٹریشن منسوخ</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>سیکیورٹی</translation>
    </message>
    <message>
        <source>Badge found by its holder</source>
        <translation>بیج مالک کو مل گیا</translation>
    </message>
    <message>
        <source>Blocked by mistake</source>
        <translation>غلطی سے بلاک ہوا</translation>
    </message>
    <message>
        <source>Cleared by security</source>
        <translation>سیکیورٹی نے اجازت دے دی</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation>کیا آپ ابھی یہیں ہیں؟</translation>
    </message>
    <message>
        <source>Yes, I&apos;m here</source>
        <translation>جی، میں یہیں ہوں</translation>
    </message>
    <message>
        <source>Going back to the start in 1 second</source>
        <translation>1 سیکنڈ میں شروع پر واپسی</translation>
    </message>
    <message>
        <source>Going back to the start in %1 seconds</source>
        <translation>%1 سیکنڈ میں شروع پر واپسی</translation>
    </message>
</context>
<context>
    <name>Venue</name>
    <message>
        <source>Expo Centre Lahore</source>
        <translation>ایکسپو سینٹر لاہور</translation>
    </message>
    <message>
        <source>Expo Centre Karachi</source>
        <translation>ایکسپو سینٹر کراچی</translation>
    </message>
</context>
<context>
    <name>WalkInScreen</name>
    <message>
        <source>Register as a visitor</source>
        <translation>بطور وزیٹر رجسٹر کریں</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>کمپنی</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>فون</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>ای میل</translation>
    </message>
    <message>
        <source>Please type your name.</source>
        <translation>براہِ کرم اپنا نام لکھیں۔</translation>
    </message>
    <message>
        <source>The company name is too long.</source>
        <translation>کمپنی کا نام بہت لمبا ہے۔</translation>
    </message>
    <message>
        <source>Please give a phone number or an e-mail address.</source>
        <translation>براہِ کرم فون نمبر یا ای میل پتہ دیں۔</translation>
    </message>
    <message>
        <source>That e-mail address is not complete.</source>
        <translation>یہ ای میل پتہ مکمل نہیں ہے۔</translation>
    </message>
    <message>
        <source>That phone number is not complete.</source>
        <translation>یہ فون نمبر مکمل نہیں ہے۔</translation>
    </message>
    <message>
        <source>You are registered already: use &quot;No badge?&quot; or go to {help}.</source>
        <translation>آپ پہلے سے رجسٹرڈ ہیں: &quot;بیج نہیں؟&quot; استعمال کریں یا {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>Registration is at {help}.</source>
        <translation>رجسٹریشن {help} پر ہوتی ہے۔</translation>
    </message>
    <message>
        <source>Please go to {help}.</source>
        <translation>براہِ کرم {help} پر جائیں۔</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>واپس</translation>
    </message>
    <message>
        <source>Register and print my badge</source>
        <translation>رجسٹر کریں اور میرا بیج پرنٹ کریں</translation>
    </message>
    <message>
        <source>Not registered? Register here</source>
        <translation>رجسٹرڈ نہیں؟ یہاں رجسٹر کریں</translation>
    </message>
</context>
<context>
    <name>WayfindingPlaceholder</name>
    <message>
        <source>Maps are not installed on this kiosk. Please ask at the information desk.</source>
        <translation>اس کیوسک پر نقشے موجود نہیں۔ براہ کرم معلوماتی ڈیسک سے پوچھیں۔</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>واپس</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Something went wrong on this kiosk; the details are in its log. Try again, or ask the organiser&apos;s help desk.</source>
        <translation>اس کیوسک پر کچھ غلط ہو گیا؛ تفصیل اس کے لاگ میں ہے۔ دوبارہ کوشش کریں، یا منتظمین کے ہیلپ ڈیسک سے رابطہ کریں۔</translation>
    </message>
</context>
</TS>
