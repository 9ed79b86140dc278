"""The web dashboard's words in English, Urdu and Chinese (Simplified)."""

from __future__ import annotations

LANGUAGES = ("en", "ur", "zh")
DIRECTION = {"en": "ltr", "ur": "rtl", "zh": "ltr"}
HTML_LANG = {"en": "en", "ur": "ur", "zh": "zh-Hans"}
LANGUAGE_NAMES = {"en": "English", "ur": "اردو", "zh": "中文"}

WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "Fair dashboard", "ur": "میلے کا ڈیش بورڈ", "zh": "展会看板"},
    "checked_in": {"en": "Checked in today", "ur": "آج چیک اِن", "zh": "今日签到"},
    "inside_now": {"en": "Inside now", "ur": "اس وقت اندر", "zh": "当前在场"},
    "accepted": {"en": "Accepted scans", "ur": "قبول شدہ اسکین", "zh": "通过扫码"},
    "refused": {"en": "Refused scans", "ur": "مسترد اسکین", "zh": "拒绝扫码"},
    "duplicates": {"en": "of which duplicates", "ur": "جن میں دہرے", "zh": "其中重复"},
    "exits": {"en": "Exits", "ur": "باہر جانے والے", "zh": "离场"},
    "halls": {"en": "Halls", "ur": "ہال", "zh": "展馆"},
    "capacity": {"en": "capacity", "ur": "گنجائش", "zh": "容量"},
    "no_capacity": {"en": "no capacity set", "ur": "گنجائش درج نہیں", "zh": "未设容量"},
    "full": {"en": "Full", "ur": "بھرا ہوا", "zh": "已满"},
    "nearly_full": {"en": "Nearly full", "ur": "تقریباً بھرا ہوا", "zh": "接近满员"},
    "arrivals": {"en": "Arrivals per 15 minutes", "ur": "ہر 15 منٹ میں آمد", "zh": "每15分钟到场"},
    "today": {"en": "Today", "ur": "آج", "zh": "今天"},
    "yesterday": {"en": "Yesterday", "ur": "کل", "zh": "昨天"},
    "by_gate": {"en": "By gate", "ur": "گیٹ کے لحاظ سے", "zh": "按入口"},
    "by_kiosk": {"en": "By kiosk", "ur": "کیوسک کے لحاظ سے", "zh": "按自助机"},
    "by_category": {"en": "By category", "ur": "زمرے کے لحاظ سے", "zh": "按类别"},
    "by_hour": {"en": "By hour", "ur": "گھنٹے کے لحاظ سے", "zh": "按小时"},
    "kiosks": {"en": "Kiosks", "ur": "کیوسک", "zh": "自助机"},
    "kiosk": {"en": "Kiosk", "ur": "کیوسک", "zh": "自助机"},
    "gate": {"en": "Gate", "ur": "گیٹ", "zh": "入口"},
    "last_push": {"en": "Last push", "ur": "آخری ترسیل", "zh": "最近上传"},
    "last_scan": {"en": "Last scan", "ur": "آخری اسکین", "zh": "最近扫码"},
    "pending": {"en": "Pending", "ur": "زیرِ التوا", "zh": "待上传"},
    "camera": {"en": "Camera", "ur": "کیمرا", "zh": "摄像头"},
    "printer": {"en": "Printer", "ur": "پرنٹر", "zh": "打印机"},
    "scans": {"en": "Scans", "ur": "اسکین", "zh": "扫码数"},
    "unknown": {"en": "not known", "ur": "معلوم نہیں", "zh": "未知"},
    "recent": {"en": "Latest scans", "ur": "تازہ ترین اسکین", "zh": "最新扫码"},
    "time": {"en": "Time", "ur": "وقت", "zh": "时间"},
    "outcome": {"en": "Outcome", "ur": "نتیجہ", "zh": "结果"},
    "name": {"en": "Name", "ur": "نام", "zh": "姓名"},
    "category": {"en": "Category", "ur": "زمرہ", "zh": "类别"},
    "live": {"en": "Live", "ur": "براہِ راست", "zh": "实时"},
    "offline": {"en": "Reconnecting…", "ur": "دوبارہ جڑ رہا ہے…", "zh": "正在重新连接…"},
    "updated": {"en": "Updated", "ur": "تازہ کاری", "zh": "更新于"},
    "source": {"en": "Source", "ur": "ماخذ", "zh": "数据源"},
    "nothing_yet": {"en": "Nothing yet today", "ur": "آج ابھی کچھ نہیں", "zh": "今天暂无数据"},
    "elsewhere": {"en": "Other gates", "ur": "دیگر گیٹ", "zh": "其他入口"},
    "welcome": {"en": "Welcome to ITCN Asia", "ur": "آئی ٹی سی این ایشیا میں خوش آمدید",
                "zh": "欢迎来到 ITCN Asia"},
    "public_inside": {"en": "visitors inside now", "ur": "افراد اس وقت اندر ہیں",
                      "zh": "位访客正在场内"},
    "login": {"en": "Staff login", "ur": "عملے کا لاگ اِن", "zh": "工作人员登录"},
    "password": {"en": "Password", "ur": "پاس ورڈ", "zh": "密码"},
    "sign_in": {"en": "Sign in", "ur": "داخل ہوں", "zh": "登录"},
    "sign_out": {"en": "Sign out", "ur": "باہر نکلیں", "zh": "退出"},
    "wrong_password": {"en": "Wrong password.", "ur": "غلط پاس ورڈ۔", "zh": "密码错误。"},
    "too_many": {"en": "Too many wrong passwords: wait a minute.",
                 "ur": "بہت زیادہ غلط پاس ورڈ: ایک منٹ انتظار کریں۔",
                 "zh": "密码错误次数过多：请等待一分钟。"},
    "expired": {"en": "The form expired: try again.", "ur": "فارم کی مدت ختم: دوبارہ کوشش کریں۔",
                "zh": "表单已过期：请重试。"},
    "no_password": {"en": "No staff password is set: run `kiosk web set-password`.",
                    "ur": "عملے کا پاس ورڈ مقرر نہیں: `kiosk web set-password` چلائیں۔",
                    "zh": "尚未设置工作人员密码：请运行 `kiosk web set-password`。"},
    "public_screen": {"en": "Public screen", "ur": "عوامی اسکرین", "zh": "公共屏幕"},
    "ago_s": {"en": "{n} s ago", "ur": "{n} سیکنڈ پہلے", "zh": "{n} 秒前"},
    "ago_m": {"en": "{n} min ago", "ur": "{n} منٹ پہلے", "zh": "{n} 分钟前"},
    "ago_h": {"en": "{n} h ago", "ur": "{n} گھنٹے پہلے", "zh": "{n} 小时前"},
    "never": {"en": "never", "ur": "کبھی نہیں", "zh": "从未"},
    "problem": {"en": "Cannot read the figures", "ur": "اعداد و شمار نہیں پڑھے جا سکے",
                "zh": "无法读取数据"},
    # kiosk health codes (kiosk.services.health), as the hub has them
    "h_ok": {"en": "Working", "ur": "ٹھیک ہے", "zh": "正常"},
    "h_reconnecting": {"en": "Reconnecting", "ur": "دوبارہ جڑ رہا ہے", "zh": "正在重连"},
    "h_lost": {"en": "Lost (scanner only)", "ur": "بند (صرف اسکینر)", "zh": "已断开（仅扫码枪）"},
    "h_camera_none": {"en": "No camera", "ur": "کیمرا نہیں", "zh": "无摄像头"},
    "h_printer_none": {"en": "No printer", "ur": "پرنٹر نہیں", "zh": "无打印机"},
    "h_no-queue": {"en": "No such CUPS queue", "ur": "یہ CUPS قطار موجود نہیں", "zh": "无此 CUPS 队列"},
    "h_unreachable": {"en": "CUPS not answering", "ur": "CUPS جواب نہیں دے رہا", "zh": "CUPS 无响应"},
    "h_waiting": {"en": "{n} waiting", "ur": "{n} منتظر", "zh": "{n} 个等待中"},
    "list_sep": {"en": ", ", "ur": "، ", "zh": "、"},
    "reported": {"en": "reported {t}", "ur": "اطلاع {t}", "zh": "报告于 {t}"},
}


def _printer_words() -> dict[str, dict[str, str]]:
    """What a printer's CUPS reasons are called (``h_<reason>``): the staff health page's own
    words from the catalogue (kiosk.services.printing), with a capital as a status reads."""
    from kiosk.services.printing import PRINTER_REASONS, reason_words

    def status(text: str) -> str:
        return text[:1].upper() + text[1:]

    return {f"h_{reason}": {lang: status(reason_words(reason, lang)) for lang in LANGUAGES}
            for reason in PRINTER_REASONS}


WORDS.update(_printer_words())


def words(lang: str) -> dict[str, str]:
    lang = lang if lang in LANGUAGES else "en"
    return {key: texts[lang] for key, texts in WORDS.items()}


def all_text() -> str:
    """Every character the pages may show in a fixed word (for the font subsets)."""
    parts = [t for texts in WORDS.values() for t in texts.values()]
    return "".join(parts) + "".join(LANGUAGE_NAMES.values())
