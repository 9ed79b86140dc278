<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
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
        <source>Find your way</source>
        <translation>راستہ تلاش کریں</translation>
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
        <source>Your badge was scanned a moment ago. You can go in.</source>
        <translation>آپ کا بیج ابھی اسکین ہوا ہے۔ آپ اندر جا سکتے ہیں۔</translation>
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
        <source>Please go to {help}; staff will check you in.</source>
        <translation>براہ کرم {help} پر جائیں؛ عملہ آپ کا چیک اِن کر دے گا۔</translation>
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
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>Staff mode</source>
        <translation>عملے کا موڈ</translation>
    </message>
    <message>
        <source>Staff mode ends by itself after two minutes without a touch.</source>
        <translation>دو منٹ تک نہ چھونے پر عملے کا موڈ خود بند ہو جاتا ہے۔</translation>
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
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation>کیا آپ ابھی یہیں ہیں؟</translation>
    </message>
    <message numerus="yes">
        <source>Going back to the start in %n second(s)</source>
        <translation>
            <numerusform>%n سیکنڈ میں شروع پر واپسی</numerusform>
            <numerusform>%n سیکنڈ میں شروع پر واپسی</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, I'm here</source>
        <translation>جی، میں یہیں ہوں</translation>
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
</TS>