<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Directions</name>
    <message>
        <source>Go straight ahead</source>
        <translation>直行</translation>
    </message>
    <message>
        <source>Bear left</source>
        <translation>稍向左转</translation>
    </message>
    <message>
        <source>Bear right</source>
        <translation>稍向右转</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>左转</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>右转</translation>
    </message>
    <message>
        <source>Turn around</source>
        <translation>掉头</translation>
    </message>
    <message>
        <source>Facing the screen, {turn_lc} and walk {d} m{extra}.</source>
        <translation>面向屏幕，{turn}，步行{d}米{extra}。</translation>
    </message>
    <message>
        <source>{turn} and walk {d} m{extra}.</source>
        <translation>{turn}，步行{d}米{extra}。</translation>
    </message>
    <message>
        <source>Walk {d} m{extra}.</source>
        <translation>步行{d}米{extra}。</translation>
    </message>
    <message>
        <source>Facing the screen, walk {d} m straight ahead{extra}.</source>
        <translation>面向屏幕，直行{d}米{extra}。</translation>
    </message>
    <message>
        <source>Continue straight for {d} m{extra}.</source>
        <translation>继续直行{d}米{extra}。</translation>
    </message>
    <message>
        <source>, entering {unit} through {door}</source>
        <translation>，从{door}进入{unit}</translation>
    </message>
    <message>
        <source>, leaving {unit} through {door}</source>
        <translation>，从{door}离开{unit}</translation>
    </message>
    <message>
        <source>, through {door}</source>
        <translation>，穿过{door}</translation>
    </message>
    <message>
        <source>Take the stairs.</source>
        <translation>走楼梯。</translation>
    </message>
    <message>
        <source>Take the ramp.</source>
        <translation>走坡道。</translation>
    </message>
    <message>
        <source>Take the lift.</source>
        <translation>乘电梯。</translation>
    </message>
    <message>
        <source>Take the escalator.</source>
        <translation>乘自动扶梯。</translation>
    </message>
    <message>
        <source>Take the stairs up to {level}.</source>
        <translation>走楼梯上到{level}。</translation>
    </message>
    <message>
        <source>Take the stairs down to {level}.</source>
        <translation>走楼梯下到{level}。</translation>
    </message>
    <message>
        <source>Take the lift up to {level}.</source>
        <translation>乘电梯上到{level}。</translation>
    </message>
    <message>
        <source>Take the lift down to {level}.</source>
        <translation>乘电梯下到{level}。</translation>
    </message>
    <message>
        <source>Take the escalator up to {level}.</source>
        <translation>乘自动扶梯上到{level}。</translation>
    </message>
    <message>
        <source>Take the escalator down to {level}.</source>
        <translation>乘自动扶梯下到{level}。</translation>
    </message>
    <message>
        <source>Take the ramp up to {level}.</source>
        <translation>走坡道上到{level}。</translation>
    </message>
    <message>
        <source>Take the ramp down to {level}.</source>
        <translation>走坡道下到{level}。</translation>
    </message>
    <message>
        <source>{turn}: {dest} is {d} m ahead{extra}{side}.</source>
        <translation>{turn}，{dest}在前方{d}米处{side}{extra}。</translation>
    </message>
    <message>
        <source>Facing the screen, {turn_lc}: {dest} is {d} m ahead{extra}{side}.</source>
        <translation>面向屏幕，{turn}，{dest}在前方{d}米处{side}{extra}。</translation>
    </message>
    <message>
        <source>{dest} is {d} m ahead{extra}{side}.</source>
        <translation>{dest}在前方{d}米处{side}{extra}。</translation>
    </message>
    <message>
        <source> on your left</source>
        <translation>，在您的左侧</translation>
    </message>
    <message>
        <source> on your right</source>
        <translation>，在您的右侧</translation>
    </message>
    <message>
        <source>You are at {dest}.</source>
        <translation>您已在{dest}。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>From</source>
        <translation>出发地</translation>
    </message>
    <message>
        <source>{m} m, about {min} min</source>
        <translation>{m}米，约{min}分钟</translation>
    </message>
    <message>
        <source>step-free</source>
        <translation>无台阶</translation>
    </message>
    <message>
        <source>schematic map</source>
        <translation>示意图</translation>
    </message>
</context>
<context>
    <name>DirectionsArriving</name>
    <message>
        <source>, through {door}</source>
        <translation>，经{door}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Next: {level}</source>
        <translation>下一层：{level}</translation>
    </message>
    <message>
        <source>Back to {level}</source>
        <translation>返回{level}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>楼层</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Exhibitor</source>
        <translation>参展商</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Exhibition hall</source>
        <translation>展馆</translation>
    </message>
    <message>
        <source>Seminars and talks</source>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>设施</translation>
    </message>
    <message>
        <source>Nearest to you</source>
        <translation>离您最近</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>大门</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Washroom (men)</source>
        <translation>男洗手间</translation>
    </message>
    <message>
        <source>Washroom (women)</source>
        <translation>女洗手间</translation>
    </message>
    <message>
        <source>Accessible washroom</source>
        <translation>无障碍洗手间</translation>
    </message>
    <message>
        <source>Prayer room (men)</source>
        <translation>男祈祷室</translation>
    </message>
    <message>
        <source>Prayer room (women)</source>
        <translation>女祈祷室</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>Information desk</source>
        <translation>问讯处</translation>
    </message>
    <message>
        <source>First aid</source>
        <translation>急救站</translation>
    </message>
    <message>
        <source>ATM</source>
        <translation>自动取款机</translation>
    </message>
    <message>
        <source>Parking</source>
        <translation>停车场</translation>
    </message>
    <message>
        <source>Registration desk</source>
        <translation>登记处</translation>
    </message>
    <message>
        <source>Seminar halls</source>
        <translation>研讨厅</translation>
    </message>
</context>
<context>
    <name>Sectors</name>
    <message>
        <source>Software</source>
        <translation>软件</translation>
    </message>
    <message>
        <source>Telecom</source>
        <translation>电信</translation>
    </message>
    <message>
        <source>Fintech</source>
        <translation>金融科技</translation>
    </message>
    <message>
        <source>E-commerce</source>
        <translation>电子商务</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云计算</translation>
    </message>
    <message>
        <source>Cybersecurity</source>
        <translation>网络安全</translation>
    </message>
    <message>
        <source>AI &amp; Data</source>
        <translation>人工智能</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>IoT</source>
        <translation>物联网</translation>
    </message>
    <message>
        <source>EdTech</source>
        <translation>教育科技</translation>
    </message>
    <message>
        <source>Gaming</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Networking</source>
        <translation>网络设备</translation>
    </message>
    <message>
        <source>Solar &amp; Energy</source>
        <translation>太阳能</translation>
    </message>
    <message>
        <source>Startups</source>
        <translation>初创企业</translation>
    </message>
</context>
<context>
    <name>WayfindingScreen</name>
    <message>
        <source>Prayer (men)</source>
        <translation>男祈祷室</translation>
    </message>
    <message>
        <source>Prayer (women)</source>
        <translation>女祈祷室</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>问讯处</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Reset map</source>
        <translation>重置地图</translation>
    </message>
    <message>
        <source>Schematic map, not to scale</source>
        <translation>示意图，未按比例</translation>
    </message>
    <message>
        <source>Search exhibitor, booth, hall…</source>
        <translation>搜索参展商、展位、展馆…</translation>
    </message>
    <message>
        <source>Step-free route (no stairs)</source>
        <translation>无台阶路线</translation>
    </message>
    <message>
        <source>New search</source>
        <translation>重新搜索</translation>
    </message>
    <message>
        <source>Scan with your phone to take these directions with you. No internet needed.</source>
        <translation>用手机扫描，随身带走路线说明。无需联网。</translation>
    </message>
    <message>
        <source>Find your way</source>
        <translation>寻路导航</translation>
    </message>
    <message>
        <source>There is no step-free way to this place. Please ask a steward for help.</source>
        <translation>没有通往此处的无台阶路线。请向工作人员求助。</translation>
    </message>
    <message>
        <source>This place cannot be reached from here. Please ask at the information desk.</source>
        <translation>从这里无法到达此处。请到问讯处询问。</translation>
    </message>
    <message>
        <source>You are here</source>
        <translation>您在这里</translation>
    </message>
    <message>
        <source>{metres} m · about {minutes} min walk</source>
        <translation>{metres}米 · 步行约{minutes}分钟</translation>
    </message>
    <message>
        <source>step-free</source>
        <translation>无台阶</translation>
    </message>
    <message>
        <source>Type a company, booth number or hall, or tap a button.</source>
        <translation>输入公司名、展位号或展馆，或点击按钮。</translation>
    </message>
    <message>
        <source>has stairs</source>
        <translation>有台阶</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”. Try a booth number such as H2-B14, a hall, or a company name.</source>
        <translation>未找到“{query}”。请尝试展位号（如 H2-B14）、展馆或公司名称。</translation>
    </message>
    <message>
        <source>Washroom (men)</source>
        <translation>男洗手间</translation>
    </message>
    <message>
        <source>Washroom (women)</source>
        <translation>女洗手间</translation>
    </message>
    <message>
        <source>Accessible washroom</source>
        <translation>无障碍洗手间</translation>
    </message>
    <message>
        <source>Exhibitors A–Z</source>
        <translation>参展商（按名称）</translation>
    </message>
    <message>
        <source>By sector</source>
        <translation>按行业</translation>
    </message>
</context>
</TS>
