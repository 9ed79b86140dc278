<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>Report</name>
    <message>
        <source>attendance report</source>
        <translation>حاضری کی رپورٹ</translation>
    </message>
    <message>
        <source>times in {zone}</source>
        <translation>اوقات {zone} کے مطابق</translation>
    </message>
    <message>
        <source>attendees checked in</source>
        <translation>حاضر شرکاء</translation>
    </message>
    <message>
        <source>scans</source>
        <translation>اسکین</translation>
    </message>
    <message>
        <source>no-shows</source>
        <translation>غیر حاضر</translation>
    </message>
    <message>
        <source>on the roster</source>
        <translation>فہرست میں</translation>
    </message>
    <message>
        <source>walk-ins</source>
        <translation>موقع پر رجسٹریشن</translation>
    </message>
    <message>
        <source>admitted twice</source>
        <translation>دو بار داخلہ</translation>
    </message>
    <message>
        <source>No roster in this database, so no-shows are not listed: merge with {option} or publish the roster to the hub.</source>
        <translation>اس ڈیٹابیس میں شرکاء کی فہرست نہیں، اس لیے غیر حاضر افراد درج نہیں: {option} کے ساتھ یکجا کریں یا فہرست ہب پر شائع کریں۔</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>دن کے لحاظ سے</translation>
    </message>
    <message>
        <source>day</source>
        <translation>دن</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <source>accepted scans</source>
        <translation>قبول شدہ اسکین</translation>
    </message>
    <message>
        <source>refused scans</source>
        <translation>مسترد اسکین</translation>
    </message>
    <message>
        <source>exits</source>
        <translation>اخراج</translation>
    </message>
    <message>
        <source>peak inside</source>
        <translation>اندر زیادہ سے زیادہ</translation>
    </message>
    <message>
        <source>peak at</source>
        <translation>عروج کا وقت</translation>
    </message>
    <message>
        <source>Arrivals and people inside</source>
        <translation>آمد اور اندر موجود افراد</translation>
    </message>
    <message>
        <source>Arrivals per {minutes} minutes (first check-in of the day), local time ({zone})</source>
        <translation>ہر {minutes} منٹ میں آمد (دن کا پہلا چیک اِن)، مقامی وقت ({zone})</translation>
    </message>
    <message>
        <source>Inside now: people whose latest scan of the day was an entry, local time ({zone})</source>
        <translation>اس وقت اندر: وہ افراد جن کا دن کا آخری اسکین داخلہ تھا، مقامی وقت ({zone})</translation>
    </message>
    <message>
        <source>By category (checked in)</source>
        <translation>زمرے کے لحاظ سے (حاضر)</translation>
    </message>
    <message>
        <source>By venue and gate (first check-in of the day)</source>
        <translation>مقام اور گیٹ کے لحاظ سے (دن کا پہلا چیک اِن)</translation>
    </message>
    <message>
        <source>By hour (first check-ins)</source>
        <translation>گھنٹے کے لحاظ سے (پہلے چیک اِن)</translation>
    </message>
    <message>
        <source>total</source>
        <translation>کل</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(کوئی نہیں)</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>موقع پر رجسٹریشن</translation>
    </message>
    <message>
        <source>No visitor registered at a kiosk.</source>
        <translation>کسی کیوسک پر کوئی مہمان رجسٹر نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Visitors registered at a kiosk, with the kiosk&apos;s own number (a plain-id QR; a kiosk cannot sign). To give them signed badges for the next day: {import_command}, then {badges_command}.</source>
        <translation>کیوسک پر رجسٹر ہونے والے مہمان، کیوسک کے اپنے نمبر کے ساتھ (سادہ نمبر والا QR؛ کیوسک دستخط نہیں کر سکتا)۔ اگلے دن کے لیے دستخط شدہ بیج دینے کے لیے: {import_command}، پھر {badges_command}۔</translation>
    </message>
    <message>
        <source>number</source>
        <translation>نمبر</translation>
    </message>
    <message>
        <source>name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>category</source>
        <translation>زمرہ</translation>
    </message>
    <message>
        <source>company</source>
        <translation>کمپنی</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>کیوسک</translation>
    </message>
    <message>
        <source>registered (UTC)</source>
        <translation>رجسٹریشن (UTC)</translation>
    </message>
    <message>
        <source>Admitted twice (offline double use)</source>
        <translation>دو بار داخلہ (آف لائن دوہرا استعمال)</translation>
    </message>
    <message>
        <source>No event rules in this database, so double use cannot be judged.</source>
        <translation>اس ڈیٹابیس میں ایونٹ کے قواعد نہیں، اس لیے دوہرے استعمال کا فیصلہ نہیں ہو سکتا۔</translation>
    </message>
    <message>
        <source>Badges admitted at a kiosk that should have refused them: another kiosk had let the same badge in shortly before (still inside, within the anti-passback window) or its category allows no re-entry, and the second kiosk did not know, because one of the two was cut off from the hub or ran without one. This is what offline mode cost.</source>
        <translation>وہ بیج جنہیں کسی کیوسک نے داخل کیا حالانکہ اسے انکار کرنا چاہیے تھا: کسی دوسرے کیوسک نے اسی بیج کو کچھ دیر پہلے داخل کیا تھا (ابھی اندر، اینٹی پاس بیک وقفے کے اندر) یا اس زمرے میں دوبارہ داخلہ نہیں، اور دوسرے کیوسک کو علم نہیں تھا، کیونکہ دونوں میں سے ایک ہب سے کٹا ہوا تھا یا بغیر ہب کے چل رہا تھا۔ آف لائن موڈ کی قیمت یہی ہے۔</translation>
    </message>
    <message>
        <source>{offline} says whose scan reached the hub more than {seconds} s after it was made; {neither} would mean both kiosks were online.</source>
        <translation>{offline} بتاتا ہے کہ کس کا اسکین بننے کے {seconds} سیکنڈ سے زیادہ بعد ہب تک پہنچا؛ {neither} کا مطلب ہوگا کہ دونوں کیوسک آن لائن تھے۔</translation>
    </message>
    <message>
        <source>Kiosk bundles do not say when a kiosk was online, so {offline} is left blank; a report from the hub ({option}) tells.</source>
        <translation>کیوسک بنڈل یہ نہیں بتاتے کہ کیوسک کب آن لائن تھا، اس لیے {offline} خالی ہے؛ ہب سے بنی رپورٹ ({option}) بتاتی ہے۔</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>آف لائن</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <source>both</source>
        <translation>دونوں</translation>
    </message>
    <message>
        <source>No badge was admitted twice.</source>
        <translation>کوئی بیج دو بار داخل نہیں ہوا۔</translation>
    </message>
    <message>
        <source>attendee</source>
        <translation>شریک</translation>
    </message>
    <message>
        <source>should have said</source>
        <translation>کہنا چاہیے تھا</translation>
    </message>
    <message>
        <source>first</source>
        <translation>پہلا</translation>
    </message>
    <message>
        <source>at kiosk</source>
        <translation>کیوسک پر</translation>
    </message>
    <message>
        <source>second</source>
        <translation>دوسرا</translation>
    </message>
    <message>
        <source>seconds apart</source>
        <translation>سیکنڈ کا فرق</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>انکار</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>No scan was refused.</source>
        <translation>کوئی اسکین مسترد نہیں ہوا۔</translation>
    </message>
    <message>
        <source>Tables: {links}. Generated {moment} UTC by the ITCN Asia kiosk.</source>
        <translation>جدولیں: {links}۔ آئی ٹی سی این ایشیا کیوسک نے {moment} UTC پر تیار کی۔</translation>
    </message>
</context>
</TS>
