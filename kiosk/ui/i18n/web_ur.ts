<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>Web</name>
    <message>
        <source>Fair dashboard</source>
        <translation>میلے کا ڈیش بورڈ</translation>
    </message>
    <message>
        <source>Checked in today</source>
        <translation>آج چیک اِن</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>اس وقت اندر</translation>
    </message>
    <message>
        <source>Accepted scans</source>
        <translation>قبول شدہ اسکین</translation>
    </message>
    <message>
        <source>Refused scans</source>
        <translation>مسترد اسکین</translation>
    </message>
    <message>
        <source>of which duplicates</source>
        <translation>جن میں دہرے</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>باہر جانے والے</translation>
    </message>
    <message>
        <source>Halls</source>
        <translation>ہال</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>گنجائش</translation>
    </message>
    <message>
        <source>no capacity set</source>
        <translation>گنجائش درج نہیں</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>بھرا ہوا</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>تقریباً بھرا ہوا</translation>
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
        <translation>کل</translation>
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
        <source>Kiosks</source>
        <translation>کیوسک</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>کیوسک</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>گیٹ</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>آخری ترسیل</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>آخری اسکین</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>زیرِ التوا</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>کیمرا</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>پرنٹر</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>اسکین</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>معلوم نہیں</translation>
    </message>
    <message>
        <source>Latest scans</source>
        <translation>تازہ ترین اسکین</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>وقت</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجہ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>زمرہ</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>براہِ راست</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>دوبارہ جڑ رہا ہے…</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>تازہ کاری</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ماخذ</translation>
    </message>
    <message>
        <source>Nothing yet today</source>
        <translation>آج ابھی کچھ نہیں</translation>
    </message>
    <message>
        <source>Other gates</source>
        <translation>دیگر گیٹ</translation>
    </message>
    <message>
        <source>Welcome to ITCN Asia</source>
        <translation>آئی ٹی سی این ایشیا میں خوش آمدید</translation>
    </message>
    <message>
        <source>visitors inside now</source>
        <translation>افراد اس وقت اندر ہیں</translation>
    </message>
    <message>
        <source>Staff login</source>
        <translation>عملے کا لاگ اِن</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>پاس ورڈ</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>داخل ہوں</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>باہر نکلیں</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>غلط پاس ورڈ۔</translation>
    </message>
    <message>
        <source>Too many wrong passwords: wait a minute.</source>
        <translation>بہت زیادہ غلط پاس ورڈ: ایک منٹ انتظار کریں۔</translation>
    </message>
    <message>
        <source>The form expired: try again.</source>
        <translation>فارم کی مدت ختم: دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>No staff password is set: run `kiosk web set-password`.</source>
        <translation>عملے کا پاس ورڈ مقرر نہیں: `kiosk web set-password` چلائیں۔</translation>
    </message>
    <message>
        <source>Public screen</source>
        <translation>عوامی اسکرین</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>{n} سیکنڈ پہلے</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n} منٹ پہلے</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>{n} گھنٹے پہلے</translation>
    </message>
    <message>
        <source>never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <source>Cannot read the figures</source>
        <translation>اعداد و شمار نہیں پڑھے جا سکے</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>ٹھیک ہے</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>دوبارہ جڑ رہا ہے</translation>
    </message>
    <message>
        <source>Lost (scanner only)</source>
        <translation>بند (صرف اسکینر)</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>کیمرا نہیں</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>پرنٹر نہیں</translation>
    </message>
    <message>
        <source>No such CUPS queue</source>
        <translation>یہ CUPS قطار موجود نہیں</translation>
    </message>
    <message>
        <source>CUPS not answering</source>
        <translation>CUPS جواب نہیں دے رہا</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>{n} منتظر</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>reported {t}</source>
        <translation>اطلاع {t}</translation>
    </message>
</context>
</TS>
