<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Scan your badge</source>
        <translation>请扫描您的胸卡</translation>
    </message>
    <message>
        <source>Hold the QR code on your badge or phone up to the camera above the screen.</source>
        <translation>请将胸卡或手机上的二维码对准屏幕上方的摄像头。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Find your way</source>
        <translation>查找路线</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>Visitor</source>
        <translation>参观者</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>参展商</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>贵宾</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>演讲嘉宾</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>主办方</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>No staff PIN is set on this kiosk. Set one with: kiosk staff set-pin</source>
        <translation>此自助机未设置工作人员 PIN。请用以下命令设置：kiosk staff set-pin</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n minute(s).</source>
        <translation>
            <numerusform>错误 PIN 次数过多。请在 %n 分钟后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN, please try again</source>
        <translation>PIN 错误，请重试</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>欢迎回来</translation>
    </message>
    <message>
        <source>Goodbye, see you soon</source>
        <translation>再见，期待再次见到您</translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation>您已签到</translation>
    </message>
    <message>
        <source>We could not find this registration</source>
        <translation>未找到此登记信息</translation>
    </message>
    <message>
        <source>This code is not a valid badge</source>
        <translation>此二维码不是有效的胸卡</translation>
    </message>
    <message>
        <source>This badge has been blocked</source>
        <translation>此胸卡已被停用</translation>
    </message>
    <message>
        <source>This badge is not valid today</source>
        <translation>此胸卡今天无效</translation>
    </message>
    <message>
        <source>This badge is for another venue</source>
        <translation>此胸卡适用于其他场馆</translation>
    </message>
    <message>
        <source>The halls are closed now</source>
        <translation>展馆现在已关闭</translation>
    </message>
    <message>
        <source>Enjoy the show.</source>
        <translation>祝您参观愉快。</translation>
    </message>
    <message>
        <source>Your badge is valid. Enjoy the show.</source>
        <translation>您的胸卡有效。祝您参观愉快。</translation>
    </message>
    <message>
        <source>Checked in by staff.</source>
        <translation>已由工作人员办理签到。</translation>
    </message>
    <message>
        <source>Good to see you again.</source>
        <translation>很高兴再次见到您。</translation>
    </message>
    <message>
        <source>Your exit has been recorded.</source>
        <translation>已记录您的离场。</translation>
    </message>
    <message>
        <source>Your badge was scanned a moment ago. You can go in.</source>
        <translation>您的胸卡刚刚已扫描，您可以进入。</translation>
    </message>
    <message>
        <source>Re-entry is not allowed with this badge.</source>
        <translation>此胸卡不允许再次入场。</translation>
    </message>
    <message>
        <source>The code was empty.</source>
        <translation>二维码内容为空。</translation>
    </message>
    <message>
        <source>The code is too long to be a badge.</source>
        <translation>此二维码过长，不是胸卡。</translation>
    </message>
    <message>
        <source>The code could not be read as text.</source>
        <translation>无法将此二维码读取为文本。</translation>
    </message>
    <message>
        <source>The badge code is damaged or incomplete.</source>
        <translation>胸卡二维码已损坏或不完整。</translation>
    </message>
    <message>
        <source>The badge was not issued for this event.</source>
        <translation>此胸卡并非为本次展会签发。</translation>
    </message>
    <message>
        <source>The badge could not be verified.</source>
        <translation>无法验证此胸卡。</translation>
    </message>
    <message>
        <source>Please show the QR code of your badge.</source>
        <translation>请出示胸卡上的二维码。</translation>
    </message>
    <message>
        <source>This registration number is not on our list.</source>
        <translation>此登记号不在我们的名单上。</translation>
    </message>
    <message>
        <source>It cannot be used to enter.</source>
        <translation>不能用于入场。</translation>
    </message>
    <message>
        <source>The exhibition is not open today.</source>
        <translation>展会今天不开放。</translation>
    </message>
    <message>
        <source>Your badge is for other days of the exhibition.</source>
        <translation>您的胸卡适用于展会的其他日期。</translation>
    </message>
    <message>
        <source>Your badge is for the exhibition in another city.</source>
        <translation>您的胸卡适用于其他城市的展会。</translation>
    </message>
    <message>
        <source>The halls have not opened yet.</source>
        <translation>展馆尚未开放。</translation>
    </message>
    <message>
        <source>The halls have closed for today.</source>
        <translation>展馆今天已闭馆。</translation>
    </message>
    <message>
        <source>This kiosk cannot record check-ins right now.</source>
        <translation>此自助机目前无法记录签到。</translation>
    </message>
    <message>
        <source>Please go to {help} with your registration e-mail or ID card.</source>
        <translation>请携带您的报名邮件或身份证件前往{help}。</translation>
    </message>
    <message>
        <source>Please try again, or go to {help}.</source>
        <translation>请重试，或前往{help}。</translation>
    </message>
    <message>
        <source>Please go to {help}.</source>
        <translation>请前往{help}。</translation>
    </message>
    <message>
        <source>Please check the dates on your badge or go to {help}.</source>
        <translation>请核对胸卡上的日期，或前往{help}。</translation>
    </message>
    <message>
        <source>Please check the venue on your badge or go to {help}.</source>
        <translation>请核对胸卡上的场馆，或前往{help}。</translation>
    </message>
    <message>
        <source>Opening hours today: {hours}.</source>
        <translation>今日开放时间：{hours}。</translation>
    </message>
    <message>
        <source>If you need help, please ask a member of staff.</source>
        <translation>如需帮助，请咨询工作人员。</translation>
    </message>
    <message>
        <source>Please go to {help}; staff will check you in.</source>
        <translation>请前往{help}，工作人员会为您办理签到。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff only: enter your PIN</source>
        <translation>仅限工作人员：请输入 PIN</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Sorry, check-in is not available at this kiosk</source>
        <translation>抱歉，此自助机暂时无法签到</translation>
    </message>
    <message>
        <source>Show me the way to %1</source>
        <translation>带我去%1</translation>
    </message>
    <message>
        <source>Tap anywhere to continue</source>
        <translation>轻触任意位置继续</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Hold your badge or phone inside the frame</source>
        <translation>请将胸卡或手机放在框内</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Find your way</source>
        <translation>查找路线</translation>
    </message>
    <message>
        <source>Camera unavailable — use the scanner or ask staff</source>
        <translation>摄像头不可用——请使用扫描枪或咨询工作人员</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <source>Phone screens work too: turn the brightness up.</source>
        <translation>手机屏幕也可以：请调高亮度。</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>Staff mode</source>
        <translation>工作人员模式</translation>
    </message>
    <message>
        <source>Staff mode ends by itself after two minutes without a touch.</source>
        <translation>两分钟无操作后，工作人员模式将自动退出。</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>返回签到</translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation>退出到桌面</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message numerus="yes">
        <source>Going back to the start in %n second(s)</source>
        <translation>
            <numerusform>%n 秒后返回首页</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, I'm here</source>
        <translation>是的，我还在</translation>
    </message>
</context>
<context>
    <name>Venue</name>
    <message>
        <source>Expo Centre Lahore</source>
        <translation>拉合尔博览中心</translation>
    </message>
    <message>
        <source>Expo Centre Karachi</source>
        <translation>卡拉奇博览中心</translation>
    </message>
</context>
<context>
    <name>WayfindingPlaceholder</name>
    <message>
        <source>Maps are not installed on this kiosk. Please ask at the information desk.</source>
        <translation>此自助机未安装地图，请到咨询台询问。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
</TS>