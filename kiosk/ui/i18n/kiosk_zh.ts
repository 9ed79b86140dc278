<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttendeeCard</name>
    <message>
        <source>Check in by hand</source>
        <translation>人工签到</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>解除封禁</translation>
    </message>
    <message>
        <source>Block badge</source>
        <translation>封禁胸卡</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>补打胸卡</translation>
    </message>
    <message>
        <source>Back to results</source>
        <translation>返回结果</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Attention: {text}</source>
        <translation>注意：{text}</translation>
    </message>
    <message>
        <source>Not checked in today</source>
        <translation>今天尚未签到</translation>
    </message>
    <message>
        <source>Checked in today at {first}; inside now (last in {last})</source>
        <translation>今天 {first} 签到；目前在场内（最近入场 {last}）</translation>
    </message>
    <message>
        <source>Checked in today at {first}; went out at {out}</source>
        <translation>今天 {first} 签到；{out} 离场</translation>
    </message>
    <message>
        <source>BLOCKED: {reason}</source>
        <translation>已封禁：{reason}</translation>
    </message>
    <message>
        <source>Latest scans:</source>
        <translation>最近扫描：</translation>
    </message>
    <message>
        <source>No scans yet.</source>
        <translation>尚无扫描记录。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation>胸卡打印机</translation>
    </message>
    <message>
        <source>Lost: new badge (PDF)</source>
        <translation>遗失：补发新胸卡（PDF）</translation>
    </message>
    <message>
        <source>Why check in by hand?</source>
        <translation>人工签到的原因？</translation>
    </message>
    <message>
        <source>Why block this badge?</source>
        <translation>封禁此胸卡的原因？</translation>
    </message>
    <message>
        <source>Why unblock?</source>
        <translation>解除封禁的原因？</translation>
    </message>
    <message>
        <source>Reprint as:</source>
        <translation>补打方式：</translation>
    </message>
</context>
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
        <source>Lowered</source>
        <translation>已调低</translation>
    </message>
    <message>
        <source>Low reach</source>
        <translation>低位操作</translation>
    </message>
    <message>
        <source>Find your way</source>
        <translation>查找路线</translation>
    </message>
    <message>
        <source>Hold the QR code on your badge or phone under the scanner below the screen.</source>
        <translation>请将胸卡或手机上的二维码放在屏幕下方的扫描器下。</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>语音朗读</translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation>正在语音朗读</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高对比度</translation>
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
    <name>DashboardView</name>
    <message>
        <source>Checked in today</source>
        <translation>今日签到</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>当前在场</translation>
    </message>
    <message>
        <source>Accepted scans</source>
        <translation>通过扫描</translation>
    </message>
    <message>
        <source>Refused scans</source>
        <translation>拒绝扫描</translation>
    </message>
    <message>
        <source>Arrivals per 15 minutes</source>
        <translation>每 15 分钟到场人数</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Halls: inside now</source>
        <translation>展馆：当前在场</translation>
    </message>
    <message>
        <source>By gate</source>
        <translation>按入口</translation>
    </message>
    <message>
        <source>By kiosk</source>
        <translation>按自助机</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>按小时</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到人数</translation>
    </message>
    <message>
        <source>Last 20 scans</source>
        <translation>最近 20 次扫描</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>入口</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>Reading the numbers…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>All kiosks, from the hub (kiosks: {n})</source>
        <translation>全部自助机，来自中心服务器（自助机：{n}）</translation>
    </message>
    <message>
        <source>Merged database (kiosks: {n})</source>
        <translation>合并数据库（自助机：{n}）</translation>
    </message>
    <message>
        <source>This kiosk only ({kiosk}): the hub cannot be reached</source>
        <translation>仅本自助机（{kiosk}）：无法连接中心服务器</translation>
    </message>
    <message>
        <source>This kiosk only ({kiosk})</source>
        <translation>仅本自助机（{kiosk}）</translation>
    </message>
    <message>
        <source>Cannot read the numbers: {problem}</source>
        <translation>无法读取数据：{problem}</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>更新于 {time}</translation>
    </message>
    <message>
        <source>Not current: {problem}</source>
        <translation>数据未更新：{problem}</translation>
    </message>
    <message>
        <source>Refused · {n} duplicates apart</source>
        <translation>拒绝 · 另有 {n} 次重复</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>by staff</source>
        <translation>由工作人员</translation>
    </message>
    <message>
        <source>No hall capacities are set for this event.</source>
        <translation>本活动未设置展厅容量。</translation>
    </message>
    <message>
        <source>Inside through gates of no hall: {gates}</source>
        <translation>经未归属展馆的入口进入：{gates}</translation>
    </message>
    <message>
        <source>{inside} inside (no capacity set)</source>
        <translation>场内 {inside} 人（未设容量）</translation>
    </message>
    <message>
        <source>{inside} of {capacity} ({percent} %)</source>
        <translation>{inside} / {capacity}（{percent}%）</translation>
    </message>
    <message>
        <source>FULL</source>
        <translation>已满</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>接近满员</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Staff dashboard</source>
        <translation>工作人员仪表板</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export to which folder?</source>
        <translation>导出到哪个文件夹？</translation>
    </message>
    <message>
        <source>Export is not set up on this kiosk.</source>
        <translation>本自助机未设置导出。</translation>
    </message>
    <message>
        <source>Writing the bundle to {folder}…</source>
        <translation>正在将数据包写入 {folder}…</translation>
    </message>
    <message>
        <source>Save this kiosk&apos;s whole scan log as one bundle file, to merge with the other kiosks&apos; logs (kiosk merge).</source>
        <translation>将本自助机的全部扫描记录保存为一个数据包文件，以便与其他自助机的记录合并（kiosk merge）。</translation>
    </message>
    <message>
        <source>Export to {drive}</source>
        <translation>导出到 {drive}</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in, or choose a folder.</source>
        <translation>未找到 U 盘。请插入 U 盘，或选择一个文件夹。</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Export failed: {problem}</source>
        <translation>导出失败：{problem}</translation>
    </message>
    <message>
        <source>Saved to {file} (scans: {scans})</source>
        <translation>已保存到 {file}（扫描：{scans}）</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>最近一次扫描</translation>
    </message>
    <message>
        <source>Scan log</source>
        <translation>扫描记录</translation>
    </message>
    <message>
        <source>Not yet on the hub</source>
        <translation>尚未上传中心服务器</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation>磁盘剩余空间</translation>
    </message>
    <message>
        <source>Latest staff actions</source>
        <translation>最近的工作人员操作</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <source>Lost: use the badge scanner</source>
        <translation>已断开：请使用胸卡扫描器</translation>
    </message>
    <message>
        <source>No camera (badge scanner only)</source>
        <translation>无摄像头（仅胸卡扫描器）</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>No scans yet</source>
        <translation>尚无扫描</translation>
    </message>
    <message>
        <source>Scans: {scans} · {size}</source>
        <translation>扫描：{scans} · {size}</translation>
    </message>
    <message>
        <source>No hub set up (export the log instead)</source>
        <translation>未设置中心服务器（请改为导出记录）</translation>
    </message>
    <message>
        <source>No hub set up</source>
        <translation>未设置中心服务器</translation>
    </message>
    <message>
        <source>All scans are on the hub</source>
        <translation>所有扫描均已上传</translation>
    </message>
    <message>
        <source>Waiting for the hub: {n} scans</source>
        <translation>等待上传的扫描：{n}</translation>
    </message>
    <message>
        <source>Reachable · last contact {time}</source>
        <translation>可连接 · 最近联系 {time}</translation>
    </message>
    <message>
        <source>Not reachable: {problem}</source>
        <translation>无法连接：{problem}</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>尚无响应</translation>
    </message>
    <message>
        <source>{size} free</source>
        <translation>剩余 {size}</translation>
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
    <message>
        <source>the registration desk</source>
        <translation>登记处</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <source>Name, company, phone, e-mail or registration number</source>
        <translation>姓名、公司、电话、电子邮件或登记号</translation>
    </message>
    <message>
        <source>Type part of a name, company, phone number, e-mail or registration number, or scan the badge.</source>
        <translation>输入姓名、公司、电话、电子邮件或登记号的一部分，或扫描胸卡。</translation>
    </message>
    <message>
        <source>Nobody found for “{query}”.</source>
        <translation>未找到“{query}”。</translation>
    </message>
    <message>
        <source>Found: {n}</source>
        <translation>找到：{n}</translation>
    </message>
    <message>
        <source>This badge is not on this kiosk&apos;s roster.</source>
        <translation>此胸卡不在本自助机的名单中。</translation>
    </message>
    <message>
        <source>Not checked in: {problem}</source>
        <translation>未签到：{problem}</translation>
    </message>
    <message>
        <source>Checked in by hand at {time} ({outcome}).</source>
        <translation>已于 {time} 人工签到（{outcome}）。</translation>
    </message>
    <message>
        <source>Could not change the block: {problem}</source>
        <translation>无法更改封禁：{problem}</translation>
    </message>
    <message>
        <source>Blocked on this kiosk now; other kiosks follow through the hub.</source>
        <translation>已在本自助机封禁；其他自助机将通过中心服务器同步。</translation>
    </message>
    <message>
        <source>The search failed: {problem}</source>
        <translation>搜索失败：{problem}</translation>
    </message>
    <message>
        <source>Unblocked.</source>
        <translation>已解除封禁。</translation>
    </message>
    <message>
        <source>Badge printing is not set up on this kiosk.</source>
        <translation>本自助机未设置胸卡打印。</translation>
    </message>
    <message>
        <source>This badge was never issued, and this event does not accept registration numbers: ask the organiser to issue it.</source>
        <translation>此胸卡从未签发，且本活动不接受登记号：请联系主办方签发。</translation>
    </message>
    <message>
        <source>Preparing the badge…</source>
        <translation>正在准备胸卡…</translation>
    </message>
    <message>
        <source>New badge issued: the old one no longer gets in. Preparing it…</source>
        <translation>已补发新胸卡，旧胸卡已不能入场。正在准备……</translation>
    </message>
    <message>
        <source>The badge printer failed: {problem}</source>
        <translation>胸卡打印机出错：{problem}</translation>
    </message>
    <message>
        <source>Sent to the badge printer (job {job}).</source>
        <translation>已发送到胸卡打印机（任务 {job}）。</translation>
    </message>
    <message>
        <source>The badge could not be made: {problem}</source>
        <translation>无法生成胸卡：{problem}</translation>
    </message>
    <message>
        <source>signed badge</source>
        <translation>已签名胸卡</translation>
    </message>
    <message>
        <source>registration number (never issued)</source>
        <translation>登记号（从未签发）</translation>
    </message>
    <message>
        <source>a new badge; the old one no longer gets in</source>
        <translation>新胸卡；旧胸卡已不能入场</translation>
    </message>
    <message>
        <source>Saved {file} ({kind}).</source>
        <translation>已保存 {file}（{kind}）。</translation>
    </message>
    <message>
        <source>Printing cancelled; the PDF is in {file}.</source>
        <translation>已取消打印；PDF 在 {file}。</translation>
    </message>
    <message>
        <source>The printer failed: {problem}</source>
        <translation>打印机故障：{problem}</translation>
    </message>
    <message>
        <source>Sent to the printer ({kind}).</source>
        <translation>已发送到打印机（{kind}）。</translation>
    </message>
</context>
<context>
    <name>NoBadgeScreen</name>
    <message>
        <source>No badge? Check in with your registration</source>
        <translation>没有胸卡？用您的注册信息签到</translation>
    </message>
    <message>
        <source>Type the e-mail address or phone number you registered with.</source>
        <translation>请输入您注册时使用的电子邮件地址或电话号码。</translation>
    </message>
    <message>
        <source>Found. To confirm, type the first three letters of your name as registered.</source>
        <translation>已找到。请输入您注册姓名的前三个字母以确认。</translation>
    </message>
    <message>
        <source>Found. To confirm, type the last four digits of your phone number.</source>
        <translation>已找到。请输入您电话号码的最后四位数字以确认。</translation>
    </message>
    <message>
        <source>That is not an e-mail address or a phone number.</source>
        <translation>这不是电子邮件地址或电话号码。</translation>
    </message>
    <message>
        <source>We could not find one registration with that. Please try again or go to {help}.</source>
        <translation>未能找到唯一对应的注册。请重试或前往{help}。</translation>
    </message>
    <message>
        <source>That does not match. Please go to {help}.</source>
        <translation>信息不符。请前往{help}。</translation>
    </message>
    <message>
        <source>Please go to {help}.</source>
        <translation>请前往{help}。</translation>
    </message>
    <message>
        <source>Too many tries at this kiosk. Please go to {help}.</source>
        <translation>此终端尝试次数过多。请前往{help}。</translation>
    </message>
    <message>
        <source>This event checks in without a badge only at {help}.</source>
        <translation>本活动无胸卡签到仅在{help}办理。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>No badge?</source>
        <translation>没有胸卡？</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>上档</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Hide keyboard</source>
        <translation>收起键盘</translation>
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
        <source>This badge was scanned here a moment ago.</source>
        <translation>这张胸卡刚刚已在这里扫描过。</translation>
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
        <source>This ticket is not for entry here.</source>
        <translation>此票不能在此入场。</translation>
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
        <source>Please see a member of staff before you go in.</source>
        <translation>入场前请先找工作人员。</translation>
    </message>
    <message>
        <source>Please go to {help}; staff will check you in.</source>
        <translation>请前往{help}，工作人员会为您办理签到。</translation>
    </message>
    <message>
        <source>Your badge is for {venue}.</source>
        <translation>您的胸卡适用于{venue}。</translation>
    </message>
    <message>
        <source>Your badge is valid on {days}.</source>
        <translation>您的胸卡有效日期：{days}。</translation>
    </message>
    <message>
        <source>The exhibition is open on {days}.</source>
        <translation>展会开放日期：{days}。</translation>
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
    <name>PrinterPanel</name>
    <message>
        <source>Printing again…</source>
        <translation>正在重新打印…</translation>
    </message>
    <message>
        <source>Could not print again: {problem}</source>
        <translation>无法重新打印：{problem}</translation>
    </message>
    <message>
        <source>Printed again: {done} of {total}</source>
        <translation>已重新打印：{done}/{total}</translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation>胸卡打印机</translation>
    </message>
    <message>
        <source>Badges not printed</source>
        <translation>未打印的胸卡</translation>
    </message>
    <message>
        <source>Print them again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Not reachable: {problem}</source>
        <translation>无法连接：{problem}</translation>
    </message>
    <message>
        <source>No CUPS queue {queue}</source>
        <translation>CUPS 中没有队列 {queue}</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>{n} job(s) waiting</source>
        <translation>{n} 个任务等待中</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>You are checked in. Your badge could not be printed: please collect it at {help}.</source>
        <translation>您已签到。您的胸卡未能打印，请到{help}领取。</translation>
    </message>
    <message>
        <source>Print my badge</source>
        <translation>打印我的胸卡</translation>
    </message>
    <message>
        <source>Your badge is printing…</source>
        <translation>正在打印您的胸卡…</translation>
    </message>
    <message>
        <source>Your badge is being printed</source>
        <translation>正在为您打印胸卡</translation>
    </message>
    <message>
        <source>Printed already today</source>
        <translation>今天已打印</translation>
    </message>
    <message>
        <source>Your badge was printed here earlier today. For another one, please ask at {help}.</source>
        <translation>您的胸卡今天已在此打印过。如需再打印，请到{help}。</translation>
    </message>
    <message>
        <source>out of paper or labels</source>
        <translation>纸张或标签用完</translation>
    </message>
    <message>
        <source>paper jam</source>
        <translation>卡纸</translation>
    </message>
    <message>
        <source>paper or labels running low</source>
        <translation>纸张或标签不足</translation>
    </message>
    <message>
        <source>out of toner or ribbon</source>
        <translation>碳粉或色带用完</translation>
    </message>
    <message>
        <source>out of ribbon or ink</source>
        <translation>色带或墨水用完</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>盖子打开</translation>
    </message>
    <message>
        <source>door open</source>
        <translation>舱门打开</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>switched off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>cannot reach the printer</source>
        <translation>无法连接打印机</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>refusing new jobs</source>
        <translation>拒绝新任务</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>waiting its turn</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>held</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <source>stuck: the printer is stopped</source>
        <translation>卡住：打印机已停止</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Job {job}</source>
        <translation>任务 {job}</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
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
    <message>
        <source>Hold the QR code of your badge under the scanner</source>
        <translation>请将胸卡上的二维码放在扫描器下方</translation>
    </message>
    <message>
        <source>Use the scanner below the screen</source>
        <translation>请使用屏幕下方的扫描器</translation>
    </message>
    <message>
        <source>Reconnecting the camera…</source>
        <translation>正在重新连接摄像头…</translation>
    </message>
</context>
<context>
    <name>StaffAudit</name>
    <message>
        <source>Staff mode opened</source>
        <translation>进入工作人员模式</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN 错误</translation>
    </message>
    <message>
        <source>PIN pad locked</source>
        <translation>PIN 键盘已锁定</translation>
    </message>
    <message>
        <source>PIN tried while locked</source>
        <translation>锁定期间尝试输入 PIN</translation>
    </message>
    <message>
        <source>Staff mode closed</source>
        <translation>退出工作人员模式</translation>
    </message>
    <message>
        <source>Looked up</source>
        <translation>已查询</translation>
    </message>
    <message>
        <source>Checked in by hand</source>
        <translation>人工签到</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已封禁</translation>
    </message>
    <message>
        <source>Unblocked</source>
        <translation>已解除封禁</translation>
    </message>
    <message>
        <source>Badge reprinted (PDF)</source>
        <translation>已补打胸卡（PDF）</translation>
    </message>
    <message>
        <source>Badge printed</source>
        <translation>胸卡已打印</translation>
    </message>
    <message>
        <source>Lost badge replaced</source>
        <translation>已补发遗失的胸卡</translation>
    </message>
    <message>
        <source>Badge sent to the badge printer</source>
        <translation>胸卡已发送到胸卡打印机</translation>
    </message>
    <message>
        <source>Badge not printed: printer problem</source>
        <translation>胸卡未打印：打印机故障</translation>
    </message>
    <message>
        <source>Badges printed again</source>
        <translation>胸卡已重新打印</translation>
    </message>
    <message>
        <source>Log exported</source>
        <translation>记录已导出</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation>退出到桌面</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>Tap again to exit</source>
        <translation>再按一次退出</translation>
    </message>
    <message>
        <source>Staff mode</source>
        <translation>工作人员模式</translation>
    </message>
    <message>
        <source>Staff mode ends by itself after two minutes without a touch.</source>
        <translation>两分钟无操作后，工作人员模式将自动退出。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Kiosk health</source>
        <translation>自助机状态</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
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
    <name>StaffOutcome</name>
    <message>
        <source>Accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Re-entry</source>
        <translation>再次入场</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复扫描</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>已离场</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已封禁</translation>
    </message>
    <message>
        <source>Wrong day</source>
        <translation>日期不符</translation>
    </message>
    <message>
        <source>Wrong venue</source>
        <translation>场馆不符</translation>
    </message>
    <message>
        <source>Outside hours</source>
        <translation>非开放时间</translation>
    </message>
</context>
<context>
    <name>StaffReason</name>
    <message>
        <source>Badge damaged or unreadable</source>
        <translation>胸卡损坏或无法读取</translation>
    </message>
    <message>
        <source>Forgot badge; identity checked</source>
        <translation>忘带胸卡；已核实身份</translation>
    </message>
    <message>
        <source>Phone battery dead</source>
        <translation>手机没电</translation>
    </message>
    <message>
        <source>Registered at the desk</source>
        <translation>已在服务台登记</translation>
    </message>
    <message>
        <source>Camera or scanner problem</source>
        <translation>摄像头或扫描器故障</translation>
    </message>
    <message>
        <source>Badge reported lost</source>
        <translation>胸卡报失</translation>
    </message>
    <message>
        <source>Badge misused or shared</source>
        <translation>胸卡被滥用或转借</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>登记已取消</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全原因</translation>
    </message>
    <message>
        <source>Badge found by its holder</source>
        <translation>持卡人已找回胸卡</translation>
    </message>
    <message>
        <source>Blocked by mistake</source>
        <translation>误封</translation>
    </message>
    <message>
        <source>Cleared by security</source>
        <translation>安保已放行</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message>
        <source>Yes, I&apos;m here</source>
        <translation>是的，我还在</translation>
    </message>
    <message>
        <source>Going back to the start in 1 second</source>
        <translation>1秒后返回首页</translation>
    </message>
    <message>
        <source>Going back to the start in %1 seconds</source>
        <translation>%1秒后返回首页</translation>
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
    <name>WalkInScreen</name>
    <message>
        <source>Register as a visitor</source>
        <translation>登记为参观者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Please type your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <source>The company name is too long.</source>
        <translation>公司名称太长。</translation>
    </message>
    <message>
        <source>Please give a phone number or an e-mail address.</source>
        <translation>请提供电话号码或电子邮件地址。</translation>
    </message>
    <message>
        <source>That e-mail address is not complete.</source>
        <translation>电子邮件地址不完整。</translation>
    </message>
    <message>
        <source>That phone number is not complete.</source>
        <translation>电话号码不完整。</translation>
    </message>
    <message>
        <source>You are registered already: use &quot;No badge?&quot; or go to {help}.</source>
        <translation>您已注册：请使用“没有胸卡？”或前往{help}。</translation>
    </message>
    <message>
        <source>Registration is at {help}.</source>
        <translation>请到{help}登记。</translation>
    </message>
    <message>
        <source>Please go to {help}.</source>
        <translation>请前往{help}。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Register and print my badge</source>
        <translation>登记并打印我的胸卡</translation>
    </message>
    <message>
        <source>Not registered? Register here</source>
        <translation>未注册？在此登记</translation>
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
<context>
    <name>Worker</name>
    <message>
        <source>Something went wrong on this kiosk; the details are in its log. Try again, or ask the organiser&apos;s help desk.</source>
        <translation>本机出现问题，详情见日志。请重试，或联系主办方服务台。</translation>
    </message>
</context>
</TS>
