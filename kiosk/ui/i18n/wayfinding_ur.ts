<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur">
<context>
    <name>Directions</name>
    <message>
        <source>Go straight ahead</source>
        <translation>سیدھا چلیں</translation>
    </message>
    <message>
        <source>Bear left</source>
        <translation>ہلکا سا بائیں مڑیں</translation>
    </message>
    <message>
        <source>Bear right</source>
        <translation>ہلکا سا دائیں مڑیں</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>بائیں مڑیں</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>دائیں مڑیں</translation>
    </message>
    <message>
        <source>Turn around</source>
        <translation>پیچھے مڑیں</translation>
    </message>
    <message>
        <source>Facing the screen, {turn_lc} and walk {d} m{extra}.</source>
        <translation>اسکرین کی طرف منہ کر کے {turn} اور {d} میٹر چلیں{extra}۔</translation>
    </message>
    <message>
        <source>{turn} and walk {d} m{extra}.</source>
        <translation>{turn} اور {d} میٹر چلیں{extra}۔</translation>
    </message>
    <message>
        <source>Walk {d} m{extra}.</source>
        <translation>{d} میٹر چلیں{extra}۔</translation>
    </message>
    <message>
        <source>Facing the screen, walk {d} m straight ahead{extra}.</source>
        <translation>اسکرین کی طرف منہ کر کے {d} میٹر سیدھا چلیں{extra}۔</translation>
    </message>
    <message>
        <source>Continue straight for {d} m{extra}.</source>
        <translation>{d} میٹر سیدھا چلتے رہیں{extra}۔</translation>
    </message>
    <message>
        <source>, entering {unit} through {door}</source>
        <translation>، {door} سے {unit} میں داخل ہوں</translation>
    </message>
    <message>
        <source>, leaving {unit} through {door}</source>
        <translation>، {door} سے {unit} سے باہر نکلیں</translation>
    </message>
    <message>
        <source>, through {door}</source>
        <translation>، {door} سے گزریں</translation>
    </message>
    <message>
        <source>Take the stairs.</source>
        <translation>سیڑھیاں استعمال کریں۔</translation>
    </message>
    <message>
        <source>Take the ramp.</source>
        <translation>ریمپ استعمال کریں۔</translation>
    </message>
    <message>
        <source>Take the lift.</source>
        <translation>لفٹ استعمال کریں۔</translation>
    </message>
    <message>
        <source>Take the escalator.</source>
        <translation>برقی زینہ استعمال کریں۔</translation>
    </message>
    <message>
        <source>Take the stairs up to {level}.</source>
        <translation>سیڑھیوں سے اوپر {level} پر جائیں۔</translation>
    </message>
    <message>
        <source>Take the stairs down to {level}.</source>
        <translation>سیڑھیوں سے نیچے {level} پر جائیں۔</translation>
    </message>
    <message>
        <source>Take the lift up to {level}.</source>
        <translation>لفٹ سے اوپر {level} پر جائیں۔</translation>
    </message>
    <message>
        <source>Take the lift down to {level}.</source>
        <translation>لفٹ سے نیچے {level} پر جائیں۔</translation>
    </message>
    <message>
        <source>Take the escalator up to {level}.</source>
        <translation>برقی زینے سے اوپر {level} پر جائیں۔</translation>
    </message>
    <message>
        <source>Take the escalator down to {level}.</source>
        <translation>برقی زینے سے نیچے {level} پر جائیں۔</translation>
    </message>
    <message>
        <source>Take the ramp up to {level}.</source>
        <translation>ریمپ سے اوپر {level} پر جائیں۔</translation>
    </message>
    <message>
        <source>Take the ramp down to {level}.</source>
        <translation>ریمپ سے نیچے {level} پر جائیں۔</translation>
    </message>
    <message>
        <source>{turn}: {dest} is {d} m ahead{extra}{side}.</source>
        <translation>{turn}؛ {dest} {d} میٹر آگے{side} ہے{extra}۔</translation>
    </message>
    <message>
        <source>Facing the screen, {turn_lc}: {dest} is {d} m ahead{extra}{side}.</source>
        <translation>اسکرین کی طرف منہ کر کے {turn}؛ {dest} {d} میٹر آگے{side} ہے{extra}۔</translation>
    </message>
    <message>
        <source>{dest} is {d} m ahead{extra}{side}.</source>
        <translation>{dest} {d} میٹر آگے{side} ہے{extra}۔</translation>
    </message>
    <message>
        <source> on your left</source>
        <translation> آپ کے بائیں جانب</translation>
    </message>
    <message>
        <source> on your right</source>
        <translation> آپ کے دائیں جانب</translation>
    </message>
    <message>
        <source>You are at {dest}.</source>
        <translation>آپ {dest} پر ہیں۔</translation>
    </message>
    <message>
        <source>To</source>
        <translation>منزل</translation>
    </message>
    <message>
        <source>From</source>
        <translation>روانگی</translation>
    </message>
    <message>
        <source>{m} m, about {min} min</source>
        <translation>{m} میٹر، تقریباً {min} منٹ</translation>
    </message>
    <message>
        <source>step-free</source>
        <translation>سیڑھیوں کے بغیر</translation>
    </message>
    <message>
        <source>schematic map</source>
        <translation>خاکہ نقشہ</translation>
    </message>
</context>
<context>
    <name>DirectionsArriving</name>
    <message>
        <source>, through {door}</source>
        <translation>، {door} سے</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Next: {level}</source>
        <translation>اگلی منزل: {level}</translation>
    </message>
    <message>
        <source>Back to {level}</source>
        <translation>واپس: {level}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>منزل</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Exhibitor</source>
        <translation>نمائش کنندہ</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>اسٹال</translation>
    </message>
    <message>
        <source>Exhibition hall</source>
        <translation>نمائش ہال</translation>
    </message>
    <message>
        <source>Seminars and talks</source>
        <translation>سیمینار</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>سہولت</translation>
    </message>
    <message>
        <source>Nearest to you</source>
        <translation>آپ کے قریب ترین</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>گیٹ</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>شعبہ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>جگہ</translation>
    </message>
    <message>
        <source>Washroom (men)</source>
        <translation>بیت الخلاء (مرد)</translation>
    </message>
    <message>
        <source>Washroom (women)</source>
        <translation>بیت الخلاء (خواتین)</translation>
    </message>
    <message>
        <source>Accessible washroom</source>
        <translation>وہیل چیئر بیت الخلاء</translation>
    </message>
    <message>
        <source>Prayer room (men)</source>
        <translation>نماز گاہ (مرد)</translation>
    </message>
    <message>
        <source>Prayer room (women)</source>
        <translation>نماز گاہ (خواتین)</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>کھانا پینا</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>باہر جانے کا راستہ</translation>
    </message>
    <message>
        <source>Information desk</source>
        <translation>معلومات ڈیسک</translation>
    </message>
    <message>
        <source>First aid</source>
        <translation>ابتدائی طبی امداد</translation>
    </message>
    <message>
        <source>ATM</source>
        <translation>اے ٹی ایم</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>پارکنگ</translation>
    </message>
    <message>
        <source>Registration desk</source>
        <translation>رجسٹریشن ڈیسک</translation>
    </message>
    <message>
        <source>Seminar halls</source>
        <translation>سیمینار ہال</translation>
    </message>
</context>
<context>
    <name>Sectors</name>
    <message>
        <source>Software</source>
        <translation>سافٹ ویئر</translation>
    </message>
    <message>
        <source>Telecom</source>
        <translation>ٹیلی کام</translation>
    </message>
    <message>
        <source>Fintech</source>
        <translation>فن ٹیک</translation>
    </message>
    <message>
        <source>E-commerce</source>
        <translation>ای کامرس</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>کلاؤڈ</translation>
    </message>
    <message>
        <source>Cybersecurity</source>
        <translation>سائبر سیکیورٹی</translation>
    </message>
    <message>
        <source>AI &amp; Data</source>
        <translation>مصنوعی ذہانت</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>ہارڈ ویئر</translation>
    </message>
    <message>
        <source>IoT</source>
        <translation>آئی او ٹی</translation>
    </message>
    <message>
        <source>EdTech</source>
        <translation>ایڈ ٹیک</translation>
    </message>
    <message>
        <source>Gaming</source>
        <translation>گیمنگ</translation>
    </message>
    <message>
        <source>Networking</source>
        <translation>نیٹ ورکنگ</translation>
    </message>
    <message>
        <source>Solar &amp; Energy</source>
        <translation>شمسی توانائی</translation>
    </message>
    <message>
        <source>Startups</source>
        <translation>اسٹارٹ اپس</translation>
    </message>
</context>
<context>
    <name>WayfindingScreen</name>
    <message>
        <source>Prayer (men)</source>
        <translation>نماز گاہ (مرد)</translation>
    </message>
    <message>
        <source>Prayer (women)</source>
        <translation>نماز گاہ (خواتین)</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>کھانا</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>باہر کا راستہ</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>معلومات</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>واپس</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>بڑا کریں</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>چھوٹا کریں</translation>
    </message>
    <message>
        <source>Reset map</source>
        <translation>پورا نقشہ</translation>
    </message>
    <message>
        <source>Schematic map, not to scale</source>
        <translation>خاکہ نقشہ، پیمانے کے مطابق نہیں</translation>
    </message>
    <message>
        <source>Search exhibitor, booth, hall…</source>
        <translation>نمائش کنندہ، اسٹال یا ہال تلاش کریں…</translation>
    </message>
    <message>
        <source>Step-free route (no stairs)</source>
        <translation>سیڑھیوں کے بغیر راستہ</translation>
    </message>
    <message>
        <source>New search</source>
        <translation>نئی تلاش</translation>
    </message>
    <message>
        <source>Scan with your phone to take these directions with you. No internet needed.</source>
        <translation>یہ راستہ ساتھ لے جانے کے لیے فون سے اسکین کریں۔ انٹرنیٹ کی ضرورت نہیں۔</translation>
    </message>
    <message>
        <source>Find your way</source>
        <translation>راستہ تلاش کریں</translation>
    </message>
    <message>
        <source>There is no step-free way to this place. Please ask a steward for help.</source>
        <translation>اس جگہ تک سیڑھیوں کے بغیر کوئی راستہ نہیں۔ براہ کرم کسی اسٹیورڈ سے مدد لیں۔</translation>
    </message>
    <message>
        <source>This place cannot be reached from here. Please ask at the information desk.</source>
        <translation>یہاں سے اس جگہ تک نہیں پہنچا جا سکتا۔ براہ کرم معلومات ڈیسک سے پوچھیں۔</translation>
    </message>
    <message>
        <source>You are here</source>
        <translation>آپ یہاں ہیں</translation>
    </message>
    <message>
        <source>{metres} m · about {minutes} min walk</source>
        <translation>{metres} میٹر · تقریباً {minutes} منٹ پیدل</translation>
    </message>
    <message>
        <source>step-free</source>
        <translation>سیڑھیوں کے بغیر</translation>
    </message>
    <message>
        <source>Type a company, booth number or hall, or tap a button.</source>
        <translation>کمپنی، اسٹال نمبر یا ہال لکھیں، یا کوئی بٹن دبائیں۔</translation>
    </message>
    <message>
        <source>has stairs</source>
        <translation>راستے میں سیڑھیاں ہیں</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”. Try a booth number such as H2-B14, a hall, or a company name.</source>
        <translation>“{query}” کے لیے کچھ نہیں ملا۔ اسٹال نمبر (جیسے H2-B14)، ہال یا کمپنی کا نام آزمائیں۔</translation>
    </message>
    <message>
        <source>Washroom (men)</source>
        <translation>بیت الخلاء (مرد)</translation>
    </message>
    <message>
        <source>Washroom (women)</source>
        <translation>بیت الخلاء (خواتین)</translation>
    </message>
    <message>
        <source>Accessible washroom</source>
        <translation>وہیل چیئر بیت الخلاء</translation>
    </message>
    <message>
        <source>Exhibitors A–Z</source>
        <translation>نمائش کنندگان (ا تا ی)</translation>
    </message>
    <message>
        <source>By sector</source>
        <translation>شعبے کے لحاظ سے</translation>
    </message>
</context>
</TS>
