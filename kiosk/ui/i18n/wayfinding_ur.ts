<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur">
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
