<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="fa_IR">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="16"/>
        <source>تعهدنامهٔ رازداری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="21"/>
        <source>این تعهدنامه را خواندم و می‌پذیرم.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="25"/>
        <source>می‌پذیرم</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="26"/>
        <source>خروج</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="33"/>
        <source>گزارش رویدادها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="37"/>
        <source>بررسی یکپارچگی زنجیره</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="46"/>
        <source>شماره</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="46"/>
        <source>زمان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="46"/>
        <source>کاربر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="46"/>
        <source>رویداد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="46"/>
        <source>موضوع و جزئیات</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="92"/>
        <source>زنجیره سالم است ({0} رویداد).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="95"/>
        <source>زنجیره از رویداد {0} شکسته است.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="476"/>
        <source>دسترسی اضطراری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="480"/>
        <source>این دسترسی در گزارش رویدادها ثبت می‌شود. فقط در صورت ضرورت و برای کمترین زمان لازم.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="492"/>
        <source> دقیقه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="493"/>
        <source>دلیل (الزامی)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="494"/>
        <source>مدت</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="423"/>
        <source>لغو سفارش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="426"/>
        <source>با لغو سفارش، همهٔ عکس‌ها و فایل‌های آن همین حالا برای همیشه نابود می‌شوند.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="431"/>
        <source>دلیل لغو</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="22"/>
        <source>مشتری جدید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="22"/>
        <source>ویرایش مشتری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="32"/>
        <source>ذخیره</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="33"/>
        <source>انصراف</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <location filename="../../ui/client_form.ui" line="6"/>
        <source>مشخصات مشتری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="10"/>
        <source>فقط همین اطلاعات گرفته می‌شود: نام، نام خانوادگی، شمارهٔ همراه و ایمیل. هرگز شمارهٔ کارت بانکی نپرسید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="12"/>
        <source>hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="17"/>
        <source>نام</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="19"/>
        <source>نام خانوادگی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="21"/>
        <source>شمارهٔ همراه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="22"/>
        <source>۰۹۱۲ ۱۲۳ ۴۵۶۷</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="23"/>
        <source>ایمیل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="25"/>
        <source>مایل است اطلاع‌رسانی و پیشنهادهای ویژه را دریافت کند</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="31"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="34"/>
        <source>نام</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="35"/>
        <source>نام خانوادگی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="36"/>
        <source>شمارهٔ همراه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="37"/>
        <source>ایمیل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="38"/>
        <source>تاریخ ثبت</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="76"/>
        <source>مشتریان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="82"/>
        <source>جست‌وجو با نام، شمارهٔ همراه یا ایمیل…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="86"/>
        <source>مشتری جدید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="89"/>
        <source>ویرایش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="90"/>
        <source>حذف کامل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="130"/>
        <source>نمایش {0} از {1} مشتری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="156"/>
        <source>حذف کامل مشتری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="157"/>
        <source>همهٔ اطلاعات این مشتری و همهٔ سفارش‌ها و تصاویرش برای همیشه نابود می‌شود. ادامه می‌دهید؟</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="349"/>
        <source>ثبت رضایت مشتری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="361"/>
        <source>انتخاب فرم اسکن‌شده…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="363"/>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="401"/>
        <source>بدون فرم</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="364"/>
        <source>حذف</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="370"/>
        <source>پزشک</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="371"/>
        <source>روش رضایت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="372"/>
        <source>فرم (اختیاری)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="374"/>
        <source>پس از ثبت، فقط همین پزشک به فایل‌های این سفارش دسترسی دارد. تا پیش از شروع بررسی قابل لغو است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="386"/>
        <source>فرم رضایت اسکن‌شده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="386"/>
        <source>PDF یا عکس (*.pdf *.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoreDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="74"/>
        <source>انصراف</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="446"/>
        <source>نابودی فایل‌های سفارش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="450"/>
        <source>همهٔ عکس‌ها، تحلیل‌ها، گزارش و فرم‌های این سفارش برای همیشه نابود می‌شوند و بازگرداندنی نیستند. فقط مبلغ و تاریخ‌ها برای حسابداری می‌ماند.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="457"/>
        <source>مشتری درخواست نابودی کرده است و از نتیجه آگاهم.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="53"/>
        <source>برنامه قفل است</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="56"/>
        <source>برای ادامه، {0} گذرواژهٔ خود را وارد کند.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="66"/>
        <source>باز کردن قفل</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/login.py" line="44"/>
        <source>ورود به مایا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/login.py" line="72"/>
        <source>نام کاربری و گذرواژه را وارد کنید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/login.py" line="80"/>
        <source>در حال بررسی…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../ui/login.ui" line="6"/>
        <source>ورود به مایا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="20"/>
        <source>مجموعهٔ زیبایی مایا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="22"/>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="27"/>
        <source>نام کاربری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="29"/>
        <source>گذرواژه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="31"/>
        <source>کد دومرحله‌ای</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="38"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="43"/>
        <source>ورود</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="45"/>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="40"/>
        <source>مایا — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="82"/>
        <source>مشتریان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="83"/>
        <source>سفارش‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="84"/>
        <source>کارکنان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="85"/>
        <source>گزارش رویدادها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="89"/>
        <source>برنامه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="90"/>
        <source>قفل کردن</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="94"/>
        <source>زبان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="102"/>
        <source>تنظیمات همگام‌سازی…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="106"/>
        <source>خروج</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="109"/>
        <source>ابزار</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="165"/>
        <source>زبان پس از اجرای دوبارهٔ برنامه عوض می‌شود.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="116"/>
        <source>سفارش جدید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="121"/>
        <source>نام، شمارهٔ همراه یا ایمیل مشتری…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="131"/>
        <source>اختیاری؛ شمارهٔ کارت یا اطلاعات بانکی ننویسید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="133"/>
        <source>مشتری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="136"/>
        <source>خدمت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="137"/>
        <source>یادداشت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="178"/>
        <source>مشتری انتخاب‌شده: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="31"/>
        <source>شماره</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="32"/>
        <source>مشتری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="33"/>
        <source>خدمت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="34"/>
        <source>وضعیت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="35"/>
        <source>تاریخ ثبت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="36"/>
        <source>مبلغ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="68"/>
        <source>قیمت به‌صورت دستی تغییر کرده است</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="72"/>
        <source>مشتری #{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../maya_desktop/gui/orders_page.py" line="15"/>
        <source>سفارش‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders_page.py" line="18"/>
        <source>فهرست سفارش‌ها به‌زودی در این بخش نمایش داده می‌شود.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="301"/>
        <source>ثبت پرداخت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="305"/>
        <source>مثلاً درگاه سامان یا کارت‌خوان ملت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="308"/>
        <source>شمارهٔ پیگیری یا مرجع تراکنش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="313"/>
        <source>درگاه یا پایانه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="314"/>
        <source>شمارهٔ پیگیری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="315"/>
        <source>مبلغ (تومان)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="316"/>
        <source>تاریخ پرداخت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="317"/>
        <source>شمارهٔ کارت بانکی را هرگز وارد نکنید؛ فقط شمارهٔ پیگیری درگاه.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="201"/>
        <source>اعلام قیمت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="208"/>
        <source>شرح</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="208"/>
        <source>تعداد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="208"/>
        <source>مبلغ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="217"/>
        <source>فوری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="223"/>
        <source>تغییر دستی قیمت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="230"/>
        <source>مبلغ به تومان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="233"/>
        <source> روز</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="236"/>
        <source>دلیل تغییر قیمت (الزامی)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="237"/>
        <source>مبلغ نهایی (تومان)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="238"/>
        <source>زمان تحویل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="239"/>
        <source>دلیل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="263"/>
        <source>جمع: {0} — زمان تحویل: {1} روز</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="34"/>
        <source>راه‌اندازی مایا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="36"/>
        <source>بعدی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="37"/>
        <source>قبلی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="38"/>
        <source>ساختن کلینیک</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="39"/>
        <source>انصراف</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="42"/>
        <source>به مایا خوش آمدید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="45"/>
        <source>همهٔ اطلاعات مشتریان روی همین رایانه و به‌صورت رمزنگاری‌شده نگهداری می‌شود. تصاویر پس از تحویل تحلیل نابود می‌شوند و فقط آمار بی‌نام به دفتر مرکزی فرستاده می‌شود.

در این مرحله نام کلینیک و حساب مدیر را می‌سازید. گذرواژهٔ مدیر را فراموش نکنید: بدون آن هیچ‌کس، حتی پشتیبانی، نمی‌تواند اطلاعات را باز کند.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="56"/>
        <source>کلینیک</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="58"/>
        <source>مجموعهٔ زیبایی مایا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="62"/>
        <source>نام کلینیک</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="63"/>
        <source>پوشهٔ داده‌ها</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="40"/>
        <source>حساب کاربری جدید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="52"/>
        <source>ساختن حساب</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="53"/>
        <source>انصراف</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffForm</name>
    <message>
        <location filename="../../ui/staff_form.ui" line="6"/>
        <source>حساب کاربری جدید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="10"/>
        <source>نام و نام خانوادگی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="12"/>
        <source>نام کاربری (لاتین)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="14"/>
        <source>نقش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="16"/>
        <source>شمارهٔ نظام پزشکی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="18"/>
        <source>گذرواژهٔ اولیه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="25"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="79"/>
        <source>کارکنان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="83"/>
        <source>حساب جدید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="85"/>
        <source>تعیین گذرواژهٔ تازه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="86"/>
        <location filename="../../maya_desktop/gui/staff_page.py" line="153"/>
        <source>غیرفعال کردن</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="95"/>
        <source>نام</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="95"/>
        <source>نام کاربری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="95"/>
        <source>نقش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="95"/>
        <source>وضعیت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="95"/>
        <source>پذیرش تعهدنامه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="119"/>
        <source>فعال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="119"/>
        <source>غیرفعال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="138"/>
        <source>گذرواژهٔ تازه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="138"/>
        <source>گذرواژهٔ تازه:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="154"/>
        <source>این فرد دیگر نمی‌تواند وارد شود و کلید پایگاه داده عوض می‌شود. ادامه می‌دهید؟</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="44"/>
        <source>تنظیمات همگام‌سازی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="50"/>
        <source>فقط داده‌های بی‌نام (وضعیت سفارش، خدمت، مبلغ و روز) با اتصال امن https به دفتر مرکزی فرستاده می‌شود.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="60"/>
        <source>ذخیره شده است؛ برای تغییر، توکن تازه را وارد کنید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="64"/>
        <source>اختیاری: SHA-256 کلید عمومی سرور</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="68"/>
        <source>اختیاری: شناسهٔ درمانگاه از دفتر مرکزی (cl_...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="71"/>
        <source>اختیاری: گواهی مرجع خصوصی (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="72"/>
        <source>انتخاب…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="81"/>
        <source>نشانی سرور</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="82"/>
        <source>توکن درمانگاه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="83"/>
        <source>پین گواهی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="84"/>
        <source>شناسهٔ درمانگاه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="85"/>
        <source>مرجع گواهی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="87"/>
        <source>آزمایش اتصال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="98"/>
        <source>ذخیره</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="99"/>
        <source>انصراف</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="137"/>
        <source>گواهی مرجع</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="179"/>
        <source>در حال آزمایش…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="212"/>
        <source>در صف: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="217"/>
        <source>هنوز انجام نشده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="218"/>
        <source>آخرین همگام‌سازی: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_AccountPage</name>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="74"/>
        <source>حساب مدیر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="87"/>
        <source>نام و نام خانوادگی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="88"/>
        <source>نام کاربری (لاتین)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="89"/>
        <source>گذرواژه (دست‌کم ۱۰ نویسه)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="90"/>
        <source>تکرار گذرواژه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="95"/>
        <source>دو گذرواژه یکسان نیستند.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
