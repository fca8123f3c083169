<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="fa_IR">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="26"/>
        <source>حساب من</source>
        <translation>My account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="32"/>
        <source>گذرواژهٔ فعلی</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="33"/>
        <source>گذرواژهٔ تازه</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="34"/>
        <source>تکرار گذرواژهٔ تازه</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="36"/>
        <source>تغییر گذرواژه</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="39"/>
        <source>فعال‌سازی ورود دومرحله‌ای</source>
        <translation>Enable two-step login</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="61"/>
        <source>دو گذرواژهٔ تازه یکسان نیستند.</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="64"/>
        <source>در حال تغییر گذرواژه…</source>
        <translation>Changing the password…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="69"/>
        <source>گذرواژه عوض شد.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="84"/>
        <source>این نشانی را در برنامهٔ احراز هویت (مثلاً Google Authenticator) وارد کنید:</source>
        <translation>Enter this address in your authenticator app (e.g. Google Authenticator):</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="18"/>
        <source>تعهدنامهٔ رازداری</source>
        <translation>Confidentiality agreement</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="23"/>
        <source>این تعهدنامه را خواندم و می‌پذیرم.</source>
        <translation>I have read this agreement and accept it.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="30"/>
        <source>می‌پذیرم</source>
        <translation>I accept</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="31"/>
        <source>خروج</source>
        <translation>Exit</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../maya_desktop/gui/app.py" line="80"/>
        <source>هشدار امنیتی</source>
        <translation>Security warning</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="88"/>
        <source>گزارش رویدادها</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="93"/>
        <source>بررسی یکپارچگی زنجیره</source>
        <translation>Verify chain integrity</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="98"/>
        <source>خروجی CSV از همین فهرست…</source>
        <translation>Export this list as CSV…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="124"/>
        <source>صفحهٔ قبل (جدیدتر)</source>
        <translation>Previous page (newer)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="126"/>
        <source>صفحهٔ بعد (قدیمی‌تر)</source>
        <translation>Next page (older)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="150"/>
        <source>شماره</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="151"/>
        <source>زمان</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="152"/>
        <location filename="../../maya_desktop/gui/audit_page.py" line="177"/>
        <source>کاربر</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="153"/>
        <location filename="../../maya_desktop/gui/audit_page.py" line="179"/>
        <source>رویداد</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="154"/>
        <source>موضوع</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="155"/>
        <source>جزئیات</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="160"/>
        <source>جست‌وجو در رویدادها (مثلاً «سفارش» یا order:12)</source>
        <translation>Search the log (e.g. &quot;order&quot; or order:12)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="173"/>
        <source>پالایش</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="174"/>
        <location filename="../../maya_desktop/gui/audit_page.py" line="198"/>
        <location filename="../../maya_desktop/gui/audit_page.py" line="202"/>
        <source>همه</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="181"/>
        <source>از</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="183"/>
        <source>تا</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="228"/>
        <source>تاریخ را به شکل سال/ماه/روز شمسی بنویسید، مثلاً ۱۴۰۵/۰۹/۰۴.</source>
        <translation>Type dates as Jalali year/month/day, e.g. 1405/09/04.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="273"/>
        <source>صفحهٔ {0} از {1} — {2} رویداد</source>
        <translation>Page {0} of {1} — {2} entries</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="296"/>
        <source>خروجی گزارش رویدادها</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="296"/>
        <source>فایل CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="338"/>
        <source>فایل نوشته نشد. پوشهٔ دیگری انتخاب کنید.</source>
        <translation>The file could not be written. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="332"/>
        <source>{0} رویداد در فایل CSV ذخیره شد.</source>
        <translation>{0} entries saved to the CSV file.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="347"/>
        <source>در حال بررسی زنجیره…</source>
        <translation>Checking the chain…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="361"/>
        <source>زنجیره سالم است، اما گزارش رویدادها به عقب برگشته یا بازنویسی شده است.</source>
        <translation>The chain is intact, but the audit log went back or was rewritten.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="365"/>
        <source>زنجیره سالم است ({0} رویداد).</source>
        <translation>The chain is intact ({0} events).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="359"/>
        <source>زنجیره از رویداد {0} شکسته است.</source>
        <translation>The chain is broken at event {0}.</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="223"/>
        <source>پشتیبان‌ها</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="227"/>
        <source>هر پشتیبان همهٔ سفارش‌ها، عکس‌ها و کلیدهای آن‌ها را تا وقتی خود فایل پاک نشده نگه می‌دارد، حتی اگر سفارش پس از آن نابود شده باشد؛ پشتیبان‌ها را کوتاه نگه دارید. پشتیبان‌های پوشهٔ پشتیبان پس از مهلت نگهداری (تنظیمات) پاک می‌شوند.</source>
        <translation>A backup keeps every order, photo and key it holds until the backup file itself is deleted, even orders destroyed since; keep backups short-lived. Backups in the backup folder are deleted when their retention (Settings) passes.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="240"/>
        <location filename="../../maya_desktop/gui/backups_page.py" line="302"/>
        <source>پوشهٔ پشتیبان</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="241"/>
        <source>آخرین پشتیبان</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="245"/>
        <source>پشتیبان‌گیری همین حالا</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="246"/>
        <source>بازیابی از پشتیبان…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="248"/>
        <source>تازه کردن فهرست</source>
        <translation>Refresh list</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="263"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="263"/>
        <source>حجم</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="263"/>
        <source>فایل</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="285"/>
        <source>انتخاب نشده (تنظیمات ← پشتیبان خودکار)</source>
        <translation>Not chosen (Settings → Automatic daily backup)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="287"/>
        <source>هنوز پشتیبانی ساخته نشده است</source>
        <translation>No backup made yet</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="291"/>
        <source>فایل خراب یا ناشناخته</source>
        <translation>Damaged or unknown file</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="317"/>
        <source>در حال پشتیبان‌گیری… کار با برنامه را می‌توانید ادامه دهید.</source>
        <translation>Backing up… You can keep working meanwhile.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="325"/>
        <source>پشتیبان ساخته شد: {0} ({1}، {2} فایل سفارش).</source>
        <translation>Backup made: {0} ({1}, {2} order files).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="356"/>
        <source>بازیابی، داده‌های پشتیبان را در پوشه‌ای تازه می‌سازد؛ داده‌های کنونی دست نمی‌خورند.</source>
        <translation>Restoring builds the backup&apos;s data in a new folder; the current data is not touched.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="357"/>
        <source>ادامه</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="358"/>
        <source>سفارش‌هایی که از آن پس نابود شده‌اند در نسخهٔ بازیابی‌شده دوباره دیده می‌شوند.</source>
        <translation>Orders destroyed since the backup was made will be visible again in the restored copy.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="369"/>
        <source>بازیابی در پوشهٔ تازه انجام شد: {0}</source>
        <translation>Restored into the new folder: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="371"/>
        <source>{0} مشتری، {1} سفارش، {2} فایل. برای کار با آن، برنامه را با گزینهٔ data-dir و همین پوشه اجرا کنید.</source>
        <translation>{0} clients, {1} orders, {2} files. To work with it, start the program with the data-dir option and this folder.</translation>
    </message>
</context>
<context>
    <name>BreakGlassBanner</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass_banner.py" line="103"/>
        <source>دسترسی اضطراری — همهٔ کارها ثبت می‌شود و با پایان زمان، عکس‌ها بسته می‌شوند.</source>
        <translation>Emergency access — every action is logged, and the photos close when the time is up.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass_banner.py" line="105"/>
        <source>کمتر از یک دقیقه مانده</source>
        <translation>less than a minute left</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass_banner.py" line="107"/>
        <source>{0} دقیقه مانده</source>
        <translation>{0} min left</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass_banner.py" line="121"/>
        <source>زمان دسترسی اضطراری تمام شد و عکس‌ها بسته شدند. برای دیدن دوبارهٔ پرونده، به فهرست برگردید و دسترسی اضطراری تازه‌ای با ذکر دلیل بگیرید.</source>
        <translation>Emergency access has ended and the photos were closed. To see this case again, go back to the list and start a new emergency access with a reason.</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="35"/>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="462"/>
        <source>دسترسی اضطراری</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="39"/>
        <source>این پرونده با شما به اشتراک گذاشته نشده است. دسترسی اضطراری فقط برای یک دلیل موجه، حداکثر ۶۰ دقیقه، و با ثبت در گزارش رویدادها و گزارش دسترسی مشتری ممکن است.</source>
        <translation>This case has not been shared with you. Emergency access is allowed only for a valid reason, for at most 60 minutes, and is recorded in the audit log and in the client&apos;s access report.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="48"/>
        <source>دلیل (دست‌کم ۱۰ نویسه)…</source>
        <translation>Reason (at least 10 characters)…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="50"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="60"/>
        <source>شروع دسترسی اضطراری</source>
        <translation>Start emergency access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="466"/>
        <source>این دسترسی در گزارش رویدادها ثبت می‌شود. فقط در صورت ضرورت و برای کمترین زمان لازم.</source>
        <translation>This access is recorded in the audit log. Use it only when necessary and for as short a time as possible.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="54"/>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="478"/>
        <source> دقیقه</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="480"/>
        <source>دلیل (الزامی)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="55"/>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="481"/>
        <source>مدت</source>
        <translation>Duration</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="410"/>
        <source>لغو سفارش</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="413"/>
        <source>با لغو سفارش، همهٔ عکس‌ها و فایل‌های آن همین حالا برای همیشه نابود می‌شوند.</source>
        <translation>Cancelling the order permanently destroys all of its photos and files right now.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="417"/>
        <source>دلیل لغو</source>
        <translation>Reason for cancelling</translation>
    </message>
</context>
<context>
    <name>CaseViewer</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="187"/>
        <source>بازگشت به فهرست</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="217"/>
        <source>نقطه را با کلیک یا Tab انتخاب کنید؛ کلیدهای جهت یک پیکسل جابه‌جا می‌کنند (با Shift ده پیکسل).</source>
        <translation>Select a point by clicking it or with Tab; the arrow keys move it by one pixel (ten with Shift).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="313"/>
        <source>جدول و یافته‌ها</source>
        <translation>Table and findings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="314"/>
        <source>نمایش یا پنهان کردن جدول اندازه‌ها و یافته‌ها</source>
        <translation>Show or hide the measurement table and findings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="246"/>
        <source>اندازه‌ها</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="898"/>
        <source>ثبت تحویل</source>
        <translation>Record delivery</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="351"/>
        <source>یافته‌ها و گزارش</source>
        <translation>Findings and report</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="344"/>
        <source>نسخهٔ مشتری (عکس‌ها و گزارش) روی رایانهٔ میزبان کلینیک ساخته می‌شود.</source>
        <translation>The client&apos;s copy (photos and report) is made at the clinic&apos;s vault host PC.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="443"/>
        <source>این پرونده عکسی ندارد.</source>
        <translation>This case has no photos.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="449"/>
        <source>دسترسی اضطراری: هر عکس را جداگانه انتخاب کنید تا باز شود؛ باز شدن هر عکس جداگانه ثبت می‌شود.</source>
        <translation>Emergency access: choose each photo to open it; every photo opened is logged on its own.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="535"/>
        <source>در حال باز کردن عکس‌ها: {0} از {1}</source>
        <translation>Opening photos: {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="648"/>
        <source>این عکس باز نشد.</source>
        <translation>This photo could not be opened.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="650"/>
        <source>در حال باز کردن عکس…</source>
        <translation>Opening the photo…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="675"/>
        <source>نقاط این عکس به دست پزشک اصلاح شده است.</source>
        <translation>The landmarks on this photo were corrected by the doctor.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="692"/>
        <source>نقطهٔ «{0}» انتخاب شد: با کلیدهای جهت جابه‌جا کنید (Shift: ده پیکسل)، Tab: نقطهٔ بعدی.</source>
        <translation>Point “{0}” selected: move it with the arrow keys (Shift: ten pixels), Tab: next point.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="697"/>
        <source>نقطهٔ «{0}»</source>
        <translation>Point “{0}”</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="729"/>
        <source>نقاط اصلاح‌شده ذخیره شد.</source>
        <translation>Corrected landmarks saved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="774"/>
        <source>یافته‌ها ذخیره شد.</source>
        <translation>Findings saved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="808"/>
        <source>گزارش امضا نشد؛ می‌توانید یافته‌ها را ویرایش کنید.</source>
        <translation>The report was not signed; you can edit the findings.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="814"/>
        <source>گزارش امضا و به‌صورت رمزشده در پرونده ذخیره شد.</source>
        <translation>Report signed and saved, encrypted, in the case.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="818"/>
        <source>ذخیرهٔ گزارش برای مشتری</source>
        <translation>Save report for client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="829"/>
        <source>گزارش ذخیره شد.</source>
        <translation>Report saved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="836"/>
        <source>عکس‌ها و گزارش برای مشتری</source>
        <translation>Photos and report for the client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="838"/>
        <source>این رایانه ایستگاه کاری شبکه است. نسخهٔ مشتری (عکس‌ها و گزارش امضاشده) فقط روی رایانهٔ میزبان کلینیک، همان رایانه‌ای که پرونده‌ها روی آن نگهداری می‌شود، ساخته می‌شود: پرونده را آنجا باز کنید و همین دکمه را بزنید. گزارش PDF را می‌توانید همین‌جا ذخیره یا چاپ کنید.</source>
        <translation>This PC is a network workstation. The client&apos;s copy (photos and the signed report) is made only at the clinic&apos;s vault host, the PC that keeps the records: open the case there and press this button. You can save or print the PDF report here.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="844"/>
        <source>پوشهٔ مقصد برای مشتری</source>
        <translation>Destination folder for the client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="852"/>
        <source>{0} فایل برای مشتری ذخیره شد.</source>
        <translation>{0} files saved for the client.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="876"/>
        <source>پیش‌نمایش و چاپ گزارش</source>
        <translation>Preview and print the report</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="893"/>
        <source>گزارش برای چاپ فرستاده شد.</source>
        <translation>The report was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="900"/>
        <source>پس از ثبت تحویل، پرونده دیگر قابل ویرایش نیست و فایل‌ها طبق سیاست نگهداری نابود می‌شوند. ادامه می‌دهید؟</source>
        <translation>Once delivery is recorded, the case can no longer be edited and its files will be destroyed according to the retention policy. Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="912"/>
        <source>تحویل ثبت شد؛ زمان نابودی فایل‌ها آغاز شد.</source>
        <translation>Delivery recorded; the countdown to file destruction has started.</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="69"/>
        <source>دسترسی اضطراری به پرونده</source>
        <translation>Emergency access to cases</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="69"/>
        <source>پرونده‌های من</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="73"/>
        <source>پرونده‌ها فقط با ذکر دلیل و برای مدت محدود باز می‌شوند؛ همه چیز ثبت می‌شود.</source>
        <translation>Cases open only with a stated reason and for a limited time; everything is logged.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="90"/>
        <source>تازه‌سازی</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="93"/>
        <source>باز کردن اضطراری…</source>
        <translation>Emergency open…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="93"/>
        <source>باز کردن پرونده</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="112"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="112"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="112"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="112"/>
        <source>شماره</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="112"/>
        <source>تاریخ ثبت</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="114"/>
        <source>شمارهٔ همراه</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="114"/>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="174"/>
        <source>{0} پرونده</source>
        <translation>Cases: {0}</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="46"/>
        <source>مشتری جدید</source>
        <translation>New client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="46"/>
        <source>ویرایش مشتری</source>
        <translation>Edit client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="53"/>
        <source>فارسی</source>
        <translation>Persian</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="54"/>
        <source>انگلیسی</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="56"/>
        <source>زبان پیام‌ها به مشتری</source>
        <translation>Language of messages to the client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="66"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="67"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="120"/>
        <source>آنچه پیش از قفل شدن نوشته بودید برگردانده شد؛ برای نگه داشتن، ذخیره کنید.</source>
        <translation>What you had typed before the screen locked is back; save it to keep it.</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <location filename="../../ui/client_form.ui" line="6"/>
        <source>مشخصات مشتری</source>
        <translation>Client details</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="10"/>
        <source>فقط همین اطلاعات گرفته می‌شود: نام، نام خانوادگی، شمارهٔ همراه و ایمیل. هرگز شمارهٔ کارت بانکی نپرسید.</source>
        <translation>Only this information is collected: first name, last name, mobile number and email. Never ask for a bank card number.</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="17"/>
        <source>نام</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="19"/>
        <source>نام خانوادگی</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="21"/>
        <source>شمارهٔ همراه</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="22"/>
        <source>۰۹۱۲ ۱۲۳ ۴۵۶۷</source>
        <translation>0912 123 4567</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="23"/>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="25"/>
        <source>مایل است اطلاع‌رسانی و پیشنهادهای ویژه را دریافت کند</source>
        <translation>Wants to receive news and special offers</translation>
    </message>
</context>
<context>
    <name>ClientHistory</name>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="179"/>
        <source>سوابق سفارش‌ها…</source>
        <translation>Order history…</translation>
    </message>
</context>
<context>
    <name>ClientHistoryDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="61"/>
        <source>سوابق سفارش‌های مشتری</source>
        <translation>Client&apos;s order history</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="70"/>
        <source>شماره</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="71"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="72"/>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="73"/>
        <source>تاریخ ثبت</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="74"/>
        <source>اعلام قیمت</source>
        <translation>Quoted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="75"/>
        <source>پرداخت</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="76"/>
        <source>تحویل یا پایان</source>
        <translation>Delivered or closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="77"/>
        <source>قیمت</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="78"/>
        <source>پرداخت‌شده</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="93"/>
        <source>باز کردن سفارش</source>
        <translation>Open order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="96"/>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="115"/>
        <source>سفارش‌های {0}</source>
        <translation>Orders of {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="138"/>
        <source>{0} سفارش — جمع قیمت‌های اعلام‌شده: {1} — جمع پرداخت‌ها: {2}</source>
        <translation>Orders: {0} — quoted in total: {1} — paid in total: {2}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_history.py" line="143"/>
        <source>این مشتری هنوز سفارشی ندارد.</source>
        <translation>This client has no orders yet.</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <location filename="../../maya_desktop/gui/client_picker.py" line="39"/>
        <source>نام، شمارهٔ همراه یا ایمیل مشتری…</source>
        <translation>Client&apos;s name, mobile or email…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_picker.py" line="85"/>
        <source>مشتری انتخاب‌شده: {0}</source>
        <translation>Selected client: {0}</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="59"/>
        <source>نام</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="59"/>
        <source>نام خانوادگی</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="59"/>
        <source>شمارهٔ همراه</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="59"/>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="59"/>
        <source>تاریخ ثبت</source>
        <translation>Registered</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="83"/>
        <source>مشتریان</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="87"/>
        <source>جست‌وجو با نام، شمارهٔ همراه یا ایمیل…</source>
        <translation>Search by name, mobile or email…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="89"/>
        <source>مشتری جدید</source>
        <translation>New client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="91"/>
        <source>ویرایش</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="93"/>
        <source>سفارش جدید</source>
        <translation>New order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="116"/>
        <source>گزارش دسترسی…</source>
        <translation>Access report…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="122"/>
        <source>حذف کامل مشتری…</source>
        <translation>Erase client…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="168"/>
        <source>نمایش {0} از {1} مشتری</source>
        <translation>Showing {0} of {1} clients</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="287"/>
        <source>حذف کامل مشتری</source>
        <translation>Erase client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="288"/>
        <source>همهٔ اطلاعات این مشتری و همهٔ سفارش‌ها و تصاویرش برای همیشه نابود می‌شود. ادامه می‌دهید؟</source>
        <translation>All of this client&apos;s information, orders and images will be permanently destroyed. Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="315"/>
        <source>ذخیرهٔ گزارش دسترسی</source>
        <translation>Save access report</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_compare.py" line="57"/>
        <source>سفارش پیشین {0} — {1}</source>
        <translation>Earlier order {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_compare.py" line="94"/>
        <source>عکس دوم روی چهره هم‌تراز شد (مقیاس، چرخش و جابه‌جایی).</source>
        <translation>The second photo is aligned on the face (scale, rotation and position).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_compare.py" line="96"/>
        <source>نقاط مشترک کافی نیست: عکس دوم فقط هم‌قد شد، هم‌تراز نشد.</source>
        <translation>Too few common points: the second photo is only scaled to the same height, not aligned.</translation>
    </message>
</context>
<context>
    <name>CompareTools</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/compare_tools.py" line="19"/>
        <source>مقایسه با…</source>
        <translation>Compare with…</translation>
    </message>
    <message>
        <location filename="../../ui/compare_tools.ui" line="6"/>
        <source>مقایسه با عکس دیگر</source>
        <translation>Compare with another photo</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="48"/>
        <source>ورود به مایا — ایستگاه کاری</source>
        <translation>Sign in to Maya — workstation</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="50"/>
        <source>اتصال به رایانهٔ میزبان کلینیک</source>
        <translation>Connecting to the clinic&apos;s vault host</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="60"/>
        <source>میزبان</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="61"/>
        <source>اثر انگشت گواهی میزبان</source>
        <translation>Host certificate fingerprint</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="62"/>
        <source>این رایانه</source>
        <translation>This workstation</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="70"/>
        <source>کد شش‌رقمی</source>
        <translation>6-digit code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="71"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="72"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="79"/>
        <source>ورود</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="96"/>
        <source>در حال اتصال به رایانهٔ میزبان…</source>
        <translation>Connecting to the vault host…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="98"/>
        <source>رایانهٔ میزبان در دسترس نیست. روشن بودن آن و اتصال شبکه را بررسی کنید؛ دوباره تلاش می‌شود.</source>
        <translation>The vault host cannot be reached. Check that it is switched on and on the network. Trying again.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="100"/>
        <source>رایانهٔ میزبان قفل است: ابتدا یک مدیر باید وارد شود.</source>
        <translation>The vault host is sealed: a manager must sign in first.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="101"/>
        <source>به رایانهٔ میزبان وصل است.</source>
        <translation>Connected to the vault host.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/connect_dialog.py" line="141"/>
        <source>در حال بررسی…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="329"/>
        <source>ثبت رضایت مشتری</source>
        <translation>Record client consent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="340"/>
        <source>روش رضایت را انتخاب کنید</source>
        <translation>Choose how the client consented</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="343"/>
        <source>انتخاب فرم اسکن‌شده…</source>
        <translation>Choose scanned form…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="345"/>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="384"/>
        <source>بدون فرم</source>
        <translation>No form</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="346"/>
        <source>حذف</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="352"/>
        <source>پزشک</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="353"/>
        <source>روش رضایت</source>
        <translation>Consent method</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="354"/>
        <source>فرم (اختیاری)</source>
        <translation>Form (optional)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="356"/>
        <source>پس از ثبت، فقط همین پزشک به فایل‌های این سفارش دسترسی دارد. تا پیش از شروع بررسی قابل لغو است.</source>
        <translation>Once recorded, only this doctor can access this order&apos;s files. Consent can be revoked until the review starts.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="369"/>
        <source>فرم رضایت اسکن‌شده</source>
        <translation>Scanned consent form</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="369"/>
        <source>PDF یا عکس (*.pdf *.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>PDF or image (*.pdf *.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
</context>
<context>
    <name>ConsentsSection</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="132"/>
        <source>لغو شد {0}</source>
        <translation>Revoked {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="134"/>
        <source>پایان‌یافته</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="136"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="139"/>
        <source>پزشک #{0}</source>
        <translation>Doctor #{0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="141"/>
        <source>دارد</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="141"/>
        <source>ندارد</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CoreDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="67"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="84"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="124"/>
        <source>ثبت سفارش</source>
        <translation>Create order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="167"/>
        <source>صدور قیمت</source>
        <translation>Issue quote</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="276"/>
        <source>ثبت پرداخت</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="326"/>
        <source>ثبت رضایت</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="407"/>
        <source>لغو سفارش و نابودی فایل‌ها</source>
        <translation>Cancel order and destroy files</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="429"/>
        <source>نابودی همیشگی</source>
        <translation>Destroy permanently</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="459"/>
        <source>شروع دسترسی اضطراری</source>
        <translation>Start emergency access</translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="432"/>
        <source>نابودی فایل‌های سفارش</source>
        <translation>Destroy order files</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="436"/>
        <source>همهٔ عکس‌ها، تحلیل‌ها، گزارش و فرم‌های این سفارش برای همیشه نابود می‌شوند و بازگرداندنی نیستند. فقط مبلغ و تاریخ‌ها برای حسابداری می‌ماند.</source>
        <translation>All photos, analyses, the report and the forms of this order will be permanently destroyed and cannot be recovered. Only the amount and dates are kept for accounting.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="443"/>
        <source>مشتری درخواست نابودی کرده است و از نتیجه آگاهم.</source>
        <translation>The client asked for destruction and I understand the consequences.</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_drafts.py" line="86"/>
        <source>کار ذخیره‌نشدهٔ پیش از قفل برگردانده شد؛ برای نگه داشتن، آن را ذخیره کنید.</source>
        <translation>Unsaved work from before the lock was restored; save it to keep it.</translation>
    </message>
</context>
<context>
    <name>EditTools</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/edit_tools.py" line="33"/>
        <source>از قطر عنبیه (۱۱٫۷ میلی‌متر)</source>
        <translation>From the iris diameter (11.7 mm)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/edit_tools.py" line="34"/>
        <source>رسم خط مرجع با طول معلوم…</source>
        <translation>Draw a reference line of known length…</translation>
    </message>
    <message>
        <location filename="../../ui/edit_tools.ui" line="6"/>
        <source>اصلاح نقاط و مقیاس</source>
        <translation>Point corrections and scale</translation>
    </message>
    <message>
        <location filename="../../ui/edit_tools.ui" line="27"/>
        <location filename="../../ui/edit_tools.ui" line="30"/>
        <source>واگرد</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/edit_tools.ui" line="40"/>
        <location filename="../../ui/edit_tools.ui" line="43"/>
        <source>ازنو</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/edit_tools.ui" line="53"/>
        <location filename="../../ui/edit_tools.ui" line="56"/>
        <source>بازگشت به خودکار</source>
        <translation>Reset to automatic</translation>
    </message>
    <message>
        <location filename="../../ui/edit_tools.ui" line="63"/>
        <location filename="../../ui/edit_tools.ui" line="66"/>
        <source>ذخیرهٔ نقاط</source>
        <translation>Save landmarks</translation>
    </message>
    <message>
        <location filename="../../ui/edit_tools.ui" line="92"/>
        <source>مقیاس</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../../ui/edit_tools.ui" line="95"/>
        <source>مقیاس میلی‌متری: از قطر عنبیه (۱۱٫۷ میلی‌متر) یا خط مرجعی با طول معلوم</source>
        <translation>Millimetre scale: from the iris diameter (11.7 mm) or a reference line of known length</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="50"/>
        <source>توضیح کوتاه…</source>
        <translation>Short note…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="55"/>
        <source>شرح پزشک</source>
        <translation>Doctor&apos;s notes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="60"/>
        <source>روش پیشنهادی</source>
        <translation>Suggested procedure</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="69"/>
        <source>توضیح روش…</source>
        <translation>Procedure notes…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="77"/>
        <source>هر دو (بازهٔ مشترک)</source>
        <translation>Both (shared range)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="78"/>
        <source>بانوان</source>
        <translation>Women</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="79"/>
        <source>آقایان</source>
        <translation>Men</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="82"/>
        <source>محدودهٔ طبیعی برای</source>
        <translation>Normal range for</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="122"/>
        <source>امضا شده: {0} — نظام پزشکی {1}</source>
        <translation>Signed: {0} — Medical Council no. {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/findings_panel.py" line="127"/>
        <source>هنوز امضا نشده است.</source>
        <translation>Not signed yet.</translation>
    </message>
</context>
<context>
    <name>HeadAndScale</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="38"/>
        <source>افق فرانکفورت: روی تراگوس (بالای مجرای گوش) و سپس پایین‌ترین نقطهٔ لبهٔ حدقه کلیک کنید؛ Esc لغو می‌کند.</source>
        <translation>Frankfort horizontal: click the tragus (top of the ear canal), then the lowest point of the orbital rim; Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="46"/>
        <source>تصویر {0} درجه چرخید تا افقی شود (فقط برای دیدن).</source>
        <translation>The photo was rotated {0} degrees to level it (for viewing only).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="54"/>
        <source>دو سر خط مرجع (مثلاً خط‌کش کنار صورت) را روی عکس کلیک کنید؛ Esc لغو می‌کند.</source>
        <translation>Click both ends of the reference line (e.g. a ruler beside the face) on the photo; Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="59"/>
        <source>طول خط مرجع</source>
        <translation>Reference line length</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="59"/>
        <source>طول این خط (میلی‌متر):</source>
        <translation>Length of this line (mm):</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="82"/>
        <source>خط مرجع دو نقطهٔ جدا از هم و طولی به میلی‌متر لازم دارد.</source>
        <translation>A reference line needs two separate points and a length in millimetres.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="88"/>
        <source>مقیاس میلی‌متری ذخیره شد و اندازه‌ها دوباره محاسبه شدند.</source>
        <translation>Millimetre scale saved; measurements recomputed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="98"/>
        <source>مقیاس: خط مرجع {0} میلی‌متری</source>
        <translation>Scale: reference line of {0} mm</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="100"/>
        <source>مقیاس: قطر عنبیه (۱۱٫۷ میلی‌متر، ±{0}٪)</source>
        <translation>Scale: iris diameter (11.7 mm, ±{0}%)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="101"/>
        <source>مقیاس میلی‌متری ندارد</source>
        <translation>No millimetre scale</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_scale.py" line="108"/>
        <source>{0} میلی‌متر</source>
        <translation>{0} mm</translation>
    </message>
</context>
<context>
    <name>ImageAdjust</name>
    <message>
        <location filename="../../ui/image_adjust.ui" line="6"/>
        <source>روشنایی و کنتراست</source>
        <translation>Brightness and contrast</translation>
    </message>
    <message>
        <location filename="../../ui/image_adjust.ui" line="12"/>
        <source>روشنایی</source>
        <translation>Brightness</translation>
    </message>
    <message>
        <location filename="../../ui/image_adjust.ui" line="44"/>
        <source>کنتراست</source>
        <translation>Contrast</translation>
    </message>
</context>
<context>
    <name>JalaliCalendar</name>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="186"/>
        <source>سال قبل</source>
        <translation>Previous year</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="187"/>
        <source>ماه قبل</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="188"/>
        <source>ماه بعد</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="189"/>
        <source>سال بعد</source>
        <translation>Next year</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="220"/>
        <source>امروز</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>JalaliDate</name>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="41"/>
        <source>فروردین</source>
        <translation>Farvardin</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="42"/>
        <source>اردیبهشت</source>
        <translation>Ordibehesht</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="43"/>
        <source>خرداد</source>
        <translation>Khordad</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="44"/>
        <source>تیر</source>
        <translation>Tir</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="45"/>
        <source>مرداد</source>
        <translation>Mordad</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="46"/>
        <source>شهریور</source>
        <translation>Shahrivar</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="47"/>
        <source>مهر</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="48"/>
        <source>آبان</source>
        <translation>Aban</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="49"/>
        <source>آذر</source>
        <translation>Azar</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="50"/>
        <source>دی</source>
        <translation>Dey</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="51"/>
        <source>بهمن</source>
        <translation>Bahman</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="52"/>
        <source>اسفند</source>
        <translation>Esfand</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="55"/>
        <source>ش</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="56"/>
        <source>ی</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="57"/>
        <source>د</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="58"/>
        <source>س</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="59"/>
        <source>چ</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="60"/>
        <source>پ</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="61"/>
        <source>ج</source>
        <translation>Fri</translation>
    </message>
</context>
<context>
    <name>JalaliDateEdit</name>
    <message>
        <location filename="../../maya_desktop/gui/jalali_date.py" line="329"/>
        <source>انتخاب از تقویم</source>
        <translation>Pick from the calendar</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="24"/>
        <source>پیش‌نویس</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="25"/>
        <source>فایل‌ها وارد شد</source>
        <translation>Files imported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="26"/>
        <source>تحلیل شد</source>
        <translation>Analyzed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="27"/>
        <source>قیمت اعلام شد</source>
        <translation>Quoted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="28"/>
        <source>پرداخت شد</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="29"/>
        <source>رضایت ثبت شد</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="30"/>
        <source>در بررسی پزشک</source>
        <translation>In doctor review</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="31"/>
        <source>تحویل شد</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="32"/>
        <source>لغو شد</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="33"/>
        <source>منقضی شد</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="34"/>
        <source>حذف شد</source>
        <translation>Destroyed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="38"/>
        <source>تحلیل چهره (جراحی بینی)</source>
        <translation>Facial analysis (rhinoplasty)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="39"/>
        <source>سند محرمانه</source>
        <translation>Confidential document</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="43"/>
        <source>روبه‌رو</source>
        <translation>Frontal</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="44"/>
        <source>نیم‌رخ چپ</source>
        <translation>Left profile</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="45"/>
        <source>نیم‌رخ راست</source>
        <translation>Right profile</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="46"/>
        <source>مایل چپ</source>
        <translation>Left oblique</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="47"/>
        <source>مایل راست</source>
        <translation>Right oblique</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="48"/>
        <source>از زیر (قاعدهٔ بینی)</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="50"/>
        <source>نمای نامشخص</source>
        <translation>Unknown view</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="53"/>
        <source>مدیر</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="54"/>
        <source>پذیرش</source>
        <translation>Receptionist</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="55"/>
        <source>پزشک</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="59"/>
        <source>فرم امضاشده</source>
        <translation>Signed form</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="60"/>
        <source>شفاهی</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="61"/>
        <source>کد پیامکی</source>
        <translation>SMS code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="65"/>
        <source>پایان مهلت نگهداری پس از تحویل</source>
        <translation>End of the retention period after delivery</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="66"/>
        <location filename="../../maya_desktop/gui/labels.py" line="105"/>
        <source>لغو سفارش</source>
        <translation>Order cancelled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="67"/>
        <source>منقضی شدن قیمت</source>
        <translation>Quote expired</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="68"/>
        <source>درخواست مشتری</source>
        <translation>Client request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="69"/>
        <source>حذف مشتری</source>
        <translation>Client erased</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="73"/>
        <source>ساخت کلینیک</source>
        <translation>Clinic created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="74"/>
        <source>ورود</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="75"/>
        <source>ورود ناموفق</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="76"/>
        <source>قفل</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="77"/>
        <source>باز کردن قفل</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="78"/>
        <source>باز کردن قفل ناموفق</source>
        <translation>Failed unlock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="79"/>
        <source>تلاش بدون مجوز</source>
        <translation>Permission denied</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="80"/>
        <source>پذیرش تعهدنامه</source>
        <translation>Agreement accepted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="81"/>
        <source>ساخت حساب کارمند</source>
        <translation>Staff account created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="82"/>
        <source>غیرفعال کردن کارمند</source>
        <translation>Staff member deactivated</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="83"/>
        <source>کلید دسترسی ناشناخته یا دستکاری‌شده رد شد</source>
        <translation>Unknown or altered key slot refused</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="84"/>
        <source>کلید دسترسی بی‌صاحب حذف شد</source>
        <translation>Orphan key slot removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="85"/>
        <source>کلید دسترسی دستکاری‌شده ترمیم شد</source>
        <translation>Tampered key slot repaired</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="86"/>
        <source>عقب‌گرد یا بازنویسی گزارش رویدادها پیدا شد</source>
        <translation>Audit log rollback or rewrite found</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="87"/>
        <source>گذرواژهٔ تازه برای کارمند</source>
        <translation>Staff password reset</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="88"/>
        <source>تغییر گذرواژه</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="89"/>
        <source>فعال‌سازی ورود دومرحله‌ای</source>
        <translation>Two-step login enabled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="90"/>
        <source>ثبت مشتری</source>
        <translation>Client registered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="91"/>
        <source>ویرایش مشتری</source>
        <translation>Client edited</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="92"/>
        <source>حذف کامل مشتری</source>
        <translation>Client erased completely</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="93"/>
        <source>افزودن مشتریان نمایشی</source>
        <translation>Demo clients added</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="94"/>
        <source>تغییر تنظیمات</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="95"/>
        <source>ثبت سفارش</source>
        <translation>Order created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="96"/>
        <source>ویرایش یادداشت سفارش</source>
        <translation>Order notes changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="97"/>
        <source>ورود عکس یا سند</source>
        <translation>Files imported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="98"/>
        <source>پایان تحلیل</source>
        <translation>Analysis completed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="99"/>
        <source>اعلام قیمت</source>
        <translation>Quote issued</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="100"/>
        <source>ثبت پرداخت</source>
        <translation>Payment recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="101"/>
        <source>ثبت رضایت</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="102"/>
        <source>لغو رضایت</source>
        <translation>Consent revoked</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="103"/>
        <source>شروع بررسی پزشک</source>
        <translation>Doctor review started</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="104"/>
        <source>تحویل</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="106"/>
        <source>انقضای پیش‌فاکتور</source>
        <translation>Quote expired</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="107"/>
        <source>نابودی طبق قاعده</source>
        <translation>Destroyed by rule</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="108"/>
        <source>نابودی به درخواست</source>
        <translation>Destroyed on request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="109"/>
        <source>دسترسی ردشده به سفارش</source>
        <translation>Order access denied</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="110"/>
        <source>دسترسی ردشده به فایل</source>
        <translation>File access denied</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="111"/>
        <source>خروجی برای مشتری</source>
        <translation>Copy exported for the client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="112"/>
        <source>آغاز خروجی برای مشتری</source>
        <translation>Client copy started</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="113"/>
        <source>خروجی برای مشتری ناتمام ماند</source>
        <translation>Client copy failed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="114"/>
        <source>پاک کردن پوشهٔ ناتمام خروجی مشتری</source>
        <translation>Unfinished client copy removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="115"/>
        <source>باز کردن پرونده</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="116"/>
        <source>دیدن عکس</source>
        <translation>Photo viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="117"/>
        <source>حذف عکس</source>
        <translation>Photo removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="118"/>
        <source>تأیید نماها</source>
        <translation>Views confirmed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="119"/>
        <source>دیدن تحلیل</source>
        <translation>Analysis viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="120"/>
        <source>ذخیرهٔ تحلیل</source>
        <translation>Analysis saved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="121"/>
        <source>دیدن سند</source>
        <translation>Document viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="122"/>
        <source>دیدن فرم رضایت</source>
        <translation>Consent form viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="123"/>
        <source>ذخیرهٔ یافته‌ها</source>
        <translation>Findings saved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="124"/>
        <source>دیدن گزارش</source>
        <translation>Report viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="125"/>
        <source>ذخیرهٔ گزارش PDF</source>
        <translation>Report PDF saved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="126"/>
        <source>باز کردن گزارش PDF</source>
        <translation>Report PDF opened</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="127"/>
        <source>حذف نسخهٔ قدیمی گزارش</source>
        <translation>Old report PDF removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="128"/>
        <source>خروجی گزارش</source>
        <translation>Report exported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="129"/>
        <source>شروع دسترسی اضطراری</source>
        <translation>Emergency access started</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="130"/>
        <source>پایان دسترسی اضطراری</source>
        <translation>Emergency access ended</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="131"/>
        <source>گزارش دسترسی مشتری</source>
        <translation>Client access report</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="132"/>
        <source>تغییر قیمت‌ها</source>
        <translation>Prices changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="133"/>
        <source>حذف قاعدهٔ قیمت</source>
        <translation>Price rule deleted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="134"/>
        <source>تغییر فهرست درگاه‌های پرداخت</source>
        <translation>Payment gateways list changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="135"/>
        <source>ساخت پشتیبان</source>
        <translation>Backup created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="136"/>
        <source>تنظیم پشتیبان خودکار</source>
        <translation>Automatic backup configured</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="137"/>
        <source>ورود سند</source>
        <translation>Document imported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="138"/>
        <source>ورود عکس</source>
        <translation>Photo imported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="139"/>
        <source>تغییر تنظیمات همگام‌سازی</source>
        <translation>Sync settings changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="140"/>
        <source>ثبت درخواست قانونی</source>
        <translation>Legal request recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="141"/>
        <source>تأیید درخواست قانونی</source>
        <translation>Legal request approved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="142"/>
        <source>تأیید ردشده (اصل چهار چشم)</source>
        <translation>Approval refused (four eyes)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="143"/>
        <source>رد درخواست قانونی</source>
        <translation>Legal request refused</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="144"/>
        <source>خروجی برای مرجع قضایی</source>
        <translation>Exported for the court</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="145"/>
        <source>خروجی سفارش برای مرجع قضایی</source>
        <translation>Order exported for the court</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="146"/>
        <source>خروجی قضایی ردشده</source>
        <translation>Court export refused</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="147"/>
        <source>آغاز خروجی برای مرجع قضایی</source>
        <translation>Court export started</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="148"/>
        <source>خروجی قضایی ناتمام ماند</source>
        <translation>Court export failed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="149"/>
        <source>پاک کردن پوشهٔ ناتمام خروجی قضایی</source>
        <translation>Unfinished court export folder removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="150"/>
        <source>بستن درخواست قانونی</source>
        <translation>Legal request closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="152"/>
        <source>ارسال اعلان به مشتری</source>
        <translation>Notice sent to the client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="153"/>
        <source>ارسال اعلان ناموفق ماند</source>
        <translation>Notice could not be sent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="154"/>
        <source>ارسال دوبارهٔ اعلان‌ها</source>
        <translation>Notices retried</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="155"/>
        <source>بازبینی قالب اعلان‌ها</source>
        <translation>Notice templates reviewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="156"/>
        <source>تنظیم ایمیل یا پیامک اعلان‌ها</source>
        <translation>Notice email or SMS settings changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="157"/>
        <source>تغییر نشانی صفحهٔ پرداخت</source>
        <translation>Payment page address changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="158"/>
        <source>ارسال خبر رویداد یا تخفیف</source>
        <translation>News of an event or discount queued</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="159"/>
        <source>لغو اشتراک خبرها</source>
        <translation>Opted out of news</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="160"/>
        <source>آغاز نگهداری قانونی</source>
        <translation>Legal hold placed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="161"/>
        <source>پایان نگهداری قانونی</source>
        <translation>Legal hold lifted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="162"/>
        <source>نابودی به سبب نگهداری قانونی عقب افتاد</source>
        <translation>Destruction deferred by a legal hold</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="163"/>
        <source>خروجی گزارش رویدادها</source>
        <translation>Audit log exported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="164"/>
        <source>بازیابی پشتیبان</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="165"/>
        <source>چاپ پیش‌فاکتور یا رسید</source>
        <translation>Quote or receipt printed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="167"/>
        <source>ساخت کد جفت‌سازی ایستگاه کاری</source>
        <translation>Workstation pairing code created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="168"/>
        <source>لغو دسترسی ایستگاه کاری</source>
        <translation>Workstation revoked</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="169"/>
        <source>ورود از ایستگاه کاری</source>
        <translation>Signed in from a workstation</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="170"/>
        <source>باز شدن گاوصندوق میزبان</source>
        <translation>Vault host unsealed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="175"/>
        <source>کار</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="176"/>
        <location filename="../../maya_desktop/gui/labels.py" line="177"/>
        <source>مبلغ (ریال)</source>
        <translation>Amount (rial)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="178"/>
        <source>برابر با قیمت اعلام‌شده</source>
        <translation>matches the quote</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="179"/>
        <source>پرداخت</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="180"/>
        <source>نمای پیشنهادی</source>
        <translation>suggested view</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="181"/>
        <source>عملیات</source>
        <translation>operation</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="182"/>
        <source>بخش‌ها</source>
        <translation>parts</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="183"/>
        <source>پوشه‌ها</source>
        <translation>folders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="184"/>
        <source>زمان</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="185"/>
        <source>شناسهٔ پشتیبان</source>
        <translation>Backup id</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="186"/>
        <source>مبنا</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="187"/>
        <location filename="../../maya_desktop/gui/labels.py" line="241"/>
        <location filename="../../maya_desktop/gui/labels.py" line="248"/>
        <source>دسترسی اضطراری</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="188"/>
        <source>خبر</source>
        <translation>News</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="189"/>
        <source>لغوشده</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="190"/>
        <source>راه ارسال</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="191"/>
        <location filename="../../maya_desktop/gui/labels.py" line="238"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="192"/>
        <source>رضایت</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="193"/>
        <source>تعداد</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="194"/>
        <source>نابودشده</source>
        <translation>Destroyed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="195"/>
        <location filename="../../maya_desktop/gui/labels.py" line="257"/>
        <source>سند</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="196"/>
        <source>روشن</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="197"/>
        <source>رویدادها</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="198"/>
        <source>فیلدها</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="199"/>
        <source>فایل</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="200"/>
        <source>فایل‌ها</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="201"/>
        <source>با پالایه</source>
        <translation>Filtered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="202"/>
        <source>از</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="203"/>
        <source>به</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="204"/>
        <source>روش</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="205"/>
        <location filename="../../maya_desktop/gui/labels.py" line="207"/>
        <source>نوع</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="206"/>
        <source>انواع</source>
        <translation>Kinds</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="208"/>
        <source>زبان</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="209"/>
        <source>مدیران</source>
        <translation>Managers</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="210"/>
        <location filename="../../maya_desktop/gui/labels.py" line="243"/>
        <source>اشتراک خبرها</source>
        <translation>News subscription</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="211"/>
        <source>دقیقه</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="212"/>
        <source>اعلان</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="213"/>
        <source>اعلان‌ها</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="214"/>
        <source>سفارش‌ها</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="215"/>
        <source>مجوز</source>
        <translation>Permission</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="216"/>
        <location filename="../../maya_desktop/gui/labels.py" line="252"/>
        <source>عکس</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="218"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="219"/>
        <source>کد بازیابی</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="220"/>
        <source>درخواست</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="221"/>
        <source>مهلت نگهداری (روز)</source>
        <translation>Retention (days)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="222"/>
        <source>نقش</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="223"/>
        <source>ردیف‌ها</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="224"/>
        <source>قاعده</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="225"/>
        <source>خودکار</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="226"/>
        <source>تأیید به‌دست خود ثبت‌کننده</source>
        <translation>Approved by the person who recorded it</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="227"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="228"/>
        <source>مقدار تازه</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="229"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="230"/>
        <source>نسخه</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="231"/>
        <source>از راه</source>
        <translation>Via</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="232"/>
        <source>چه چیزی</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="237"/>
        <source>سفارش</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="239"/>
        <source>کارمند</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="240"/>
        <source>درخواست قانونی</source>
        <translation>Legal request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="242"/>
        <source>قاعدهٔ قیمت</source>
        <translation>Price rule</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="247"/>
        <source>رضایت مراجع</source>
        <translation>client&apos;s consent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="249"/>
        <source>مرحلهٔ ورود عکس</source>
        <translation>photo import step</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="253"/>
        <source>تصویر کوچک</source>
        <translation>thumbnail</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="254"/>
        <source>تحلیل</source>
        <translation>analysis</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="255"/>
        <source>پرونده</source>
        <translation>case</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="256"/>
        <source>گزارش</source>
        <translation>report</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="260"/>
        <source>بله</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="261"/>
        <source>خیر</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="266"/>
        <source>ثبت شد، در انتظار تأیید</source>
        <translation>Recorded, awaiting approval</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="267"/>
        <source>تأیید شد</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="268"/>
        <source>تحویل داده شد</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="269"/>
        <source>بسته شد</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="270"/>
        <source>رد شد</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="273"/>
        <source>هویت مشتری (نام، شمارهٔ همراه، ایمیل)</source>
        <translation>Client identity (name, mobile, email)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="274"/>
        <source>مشخصات سفارش‌ها و پرداخت‌ها</source>
        <translation>Order metadata and payments</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="217"/>
        <location filename="../../maya_desktop/gui/labels.py" line="275"/>
        <source>عکس‌ها</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="276"/>
        <source>گزارش پزشک (یافته‌ها و PDF امضاشده)</source>
        <translation>Doctor&apos;s report (findings, signed PDF)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="277"/>
        <source>اسناد محرمانه</source>
        <translation>Confidential documents</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="278"/>
        <source>سابقهٔ رضایت و دسترسی</source>
        <translation>Consent and access history</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="282"/>
        <source>خطوط</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="283"/>
        <source>زاویه‌ها</source>
        <translation>Angles</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="284"/>
        <source>نقاط</source>
        <translation>Landmarks</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="285"/>
        <source>نام نقاط</source>
        <translation>Landmark names</translation>
    </message>
</context>
<context>
    <name>LayoutView</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/layout_view.py" line="85"/>
        <source>باز نشد</source>
        <translation>Could not open</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/layout_view.py" line="85"/>
        <source>در حال باز شدن…</source>
        <translation>Opening…</translation>
    </message>
</context>
<context>
    <name>LegalPage</name>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="279"/>
        <source>درخواست‌های قانونی</source>
        <translation>Legal requests</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="285"/>
        <source>اطلاعات مشتری با هیچ‌کس به اشتراک گذاشته نمی‌شود، مگر با دستور کتبی مرجع قضایی. هر درخواست را مدیر دیگری تأیید می‌کند و فقط دامنهٔ تأییدشده خارج می‌شود.</source>
        <translation>Client data is shared with no one, except on a court&apos;s written order. Another manager approves each request, and only the approved scope leaves the clinic.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="293"/>
        <source>ثبت درخواست جدید</source>
        <translation>Record a request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="294"/>
        <source>تأیید</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="296"/>
        <source>خروجی برای مرجع قضایی…</source>
        <translation>Export for the court…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="298"/>
        <location filename="../../maya_desktop/gui/legal_page.py" line="598"/>
        <source>بستن درخواست</source>
        <translation>Close request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="300"/>
        <source>بستن درخواست نگهداری قانونی آن را هم پایان می‌دهد.</source>
        <translation>Closing the request also lifts its legal hold.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="301"/>
        <location filename="../../maya_desktop/gui/legal_page.py" line="330"/>
        <location filename="../../maya_desktop/gui/legal_page.py" line="610"/>
        <source>نگهداری قانونی</source>
        <translation>Legal hold</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="303"/>
        <source>اطلاعات مشمول این درخواست تا بسته شدن آن نابود نشود.</source>
        <translation>Keep the data this request covers from destruction until it is closed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="304"/>
        <source>رد درخواست</source>
        <translation>Refuse request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="322"/>
        <source>شماره</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="323"/>
        <source>تاریخ نامه</source>
        <translation>Letter date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="324"/>
        <source>مرجع قضایی</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="325"/>
        <source>شمارهٔ پرونده</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="326"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="327"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="328"/>
        <source>ثبت‌کننده</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="329"/>
        <source>تأییدکننده</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="403"/>
        <source>(مشتری حذف شده)</source>
        <translation>(client erased)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="406"/>
        <source> (خود-تأیید)</source>
        <translation> (self-approved)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="434"/>
        <source>درخواستی را که خودتان ثبت کرده‌اید باید مدیر دیگری تأیید کند.</source>
        <translation>Another manager must approve a request you recorded.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="448"/>
        <source>همهٔ سفارش‌ها</source>
        <translation>all orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="453"/>
        <source>دامنه: {0} — سفارش‌ها: {1}</source>
        <translation>Scope: {0} — orders: {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="454"/>
        <source>ثبت: {0}، {1}</source>
        <translation>Recorded: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="457"/>
        <source>تأیید: {0}، {1}</source>
        <translation>Approved: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="459"/>
        <source> — خود-تأیید (تنها مدیر فعال)</source>
        <translation> — self-approved (the only active manager)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="463"/>
        <source>خروجی: {0}، {1} — {2} فایل — SHA-256: {3}</source>
        <translation>Exported: {0}, {1} — {2} files — SHA-256: {3}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="472"/>
        <source>رد: {0}، {1} — {2}</source>
        <translation>Refused: {0}, {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="477"/>
        <source>نگهداری قانونی: از {0} ({1})</source>
        <translation>Legal hold: since {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="481"/>
        <source> تا {0} ({1})</source>
        <translation> until {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="483"/>
        <source> — ادامه دارد تا بسته شدن درخواست</source>
        <translation> — in force until the request is closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="486"/>
        <source>توضیحات: {0}</source>
        <translation>Notes: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="491"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="493"/>
        <source>پایان یافت</source>
        <translation>Lifted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="517"/>
        <source>درخواست شمارهٔ {0} ثبت شد؛ اکنون مدیر دیگری باید آن را تأیید کند.</source>
        <translation>Request {0} recorded; another manager must now approve it.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="525"/>
        <source>با تأیید، این اطلاعات برای «{0}» (پرونده {1}) قابل خروجی می‌شود:
{2}

ادامه می‌دهید؟</source>
        <translation>Approving lets this data be exported for “{0}” (case {1}):
{2}

Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="529"/>
        <source>شما تنها مدیر فعال هستید؛ این تأیید «خود-تأیید» ثبت می‌شود.</source>
        <translation>You are the only active manager; this approval is recorded as self-approved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="530"/>
        <source>تأیید درخواست مرجع قضایی</source>
        <translation>Approve the court&apos;s request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="531"/>
        <source>درخواست شمارهٔ {0} تأیید شد.</source>
        <translation>Request {0} approved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="542"/>
        <source>درخواست شمارهٔ {0} رد شد.</source>
        <translation>Request {0} refused.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="549"/>
        <source>پوشهٔ خروجی برای مرجع قضایی را انتخاب کنید</source>
        <translation>Choose the folder for the court export</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="555"/>
        <source>در حال ساختن خروجی… کار با برنامه را می‌توانید ادامه دهید.</source>
        <translation>Making the export… You can go on working meanwhile.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="574"/>
        <source>خروجی در پوشهٔ «{0}» ساخته شد ({1} فایل). این پوشه اطلاعات رمزگشایی‌شدهٔ مشتری را دارد؛ پس از تحویل به مرجع قضایی آن را از این رایانه پاک کنید.</source>
        <translation>Export written to the folder “{0}” ({1} files). It holds the client&apos;s decrypted data: delete it from this computer once the court has it.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="588"/>
        <source>پس از بستن، برای این درخواست خروجی دیگری ممکن نیست. ادامه می‌دهید؟</source>
        <translation>Once closed, nothing more can be exported for this request. Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="592"/>
        <source>با بستن درخواست، نگهداری قانونی پایان می‌یابد و نابودی‌هایی که به سبب آن عقب افتاده بود همین حالا انجام می‌شود.</source>
        <translation>Closing the request lifts its legal hold, and the destruction it deferred runs now.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="599"/>
        <source>درخواست شمارهٔ {0} بسته شد.</source>
        <translation>Request {0} closed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="607"/>
        <source>تا بسته شدن این درخواست، اطلاعات مشمول آن ({0}) نابود نمی‌شود، حتی اگر مهلت نگهداری بگذرد یا مشتری درخواست حذف کند. ادامه می‌دهید؟</source>
        <translation>Until this request is closed, the data it covers ({0}) will not be destroyed, even if the retention period passes or the client asks to be erased. Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="611"/>
        <source>اطلاعات درخواست شمارهٔ {0} نگهداری قانونی می‌شود.</source>
        <translation>The data of request {0} is now under a legal hold.</translation>
    </message>
</context>
<context>
    <name>LegalRequestDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="74"/>
        <source>ثبت درخواست مرجع قضایی</source>
        <translation>Record a court&apos;s request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="77"/>
        <source>ثبت درخواست</source>
        <translation>Record request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="81"/>
        <source>مثلاً شعبهٔ ۱۰۲ دادگاه کیفری دو تهران</source>
        <translation>e.g. Branch 102, Tehran Criminal Court Two</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="82"/>
        <source>همان‌طور که در نامهٔ دادگاه آمده است</source>
        <translation>Exactly as on the court&apos;s letter</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="85"/>
        <source>۱۴۰۵/۰۹/۰۴</source>
        <translation>1405/09/04</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="94"/>
        <source>دامنهٔ اطلاعات خواسته‌شده</source>
        <translation>Data the court asked for</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="103"/>
        <source>سفارش‌ها</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="105"/>
        <source>همهٔ سفارش‌های مشتری (نابودشده‌ها فقط با رسید نابودی)</source>
        <translation>All of the client&apos;s orders (destroyed ones only as their deletion receipts)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="107"/>
        <source>فقط سفارش‌های علامت‌خورده</source>
        <translation>Only the ticked orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="124"/>
        <source>اختیاری: خلاصهٔ دستور، شمارهٔ ثبت نامه در کلینیک… (شمارهٔ کارت ننویسید)</source>
        <translation>Optional: summary of the order, the letter&apos;s registration number at the clinic… (no card numbers)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="126"/>
        <source>نگهداری قانونی: تا بسته شدن درخواست، اطلاعات مشمول آن نابود نشود</source>
        <translation>Legal hold: do not destroy the data it covers until the request is closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="129"/>
        <source>نابودی خودکار، درخواست نابودی و حذف مشتری تا پایان درخواست انجام نمی‌شود و دلیلش ثبت می‌شود.</source>
        <translation>Automatic destruction, requests to destroy and client erasure wait until the request ends; the reason is recorded.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="134"/>
        <source>مرجع قضایی</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="135"/>
        <source>شمارهٔ پرونده یا نامه</source>
        <translation>Case or letter number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="136"/>
        <source>تاریخ نامه</source>
        <translation>Letter date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="137"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="146"/>
        <source>دلیل و توضیحات</source>
        <translation>Reason and notes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="159"/>
        <source>فقط همین دامنه پس از تأیید مدیر دیگری قابل خروجی است. همهٔ مراحل در گزارش رویدادها و گزارش دسترسی مشتری ثبت می‌شود.</source>
        <translation>Only this scope can be exported, after another manager approves. Every step is recorded in the audit log and in the client&apos;s access report.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="196"/>
        <source>سفارش {0} — {1} — {2} — {3}</source>
        <translation>Order {0} — {1} — {2} — {3}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="107"/>
        <source>برنامه قفل است</source>
        <translation>Maya is locked</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="111"/>
        <source>برای ادامه، {0} گذرواژهٔ خود را وارد کند.</source>
        <translation>To continue, {0} must enter their password.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="126"/>
        <source>باز کردن قفل</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="128"/>
        <source>ورود با کاربر دیگر</source>
        <translation>Sign in as someone else</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="152"/>
        <source>در حال باز کردن قفل…</source>
        <translation>Unlocking…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/login.py" line="40"/>
        <source>ورود به مایا</source>
        <translation>Log in to Maya</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/login.py" line="98"/>
        <source>نام کاربری و گذرواژه را وارد کنید.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/login.py" line="70"/>
        <source>در حال بررسی…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../ui/login.ui" line="6"/>
        <source>ورود به مایا</source>
        <translation>Log in to Maya</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="20"/>
        <source>مجموعهٔ زیبایی مایا</source>
        <translation>Maya Beauty Center</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="27"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="29"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="31"/>
        <source>کد دومرحله‌ای</source>
        <translation>Two-step code</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="43"/>
        <source>ورود</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="212"/>
        <source>مایا — {0}</source>
        <translation>Maya — {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="156"/>
        <source>مشتریان</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="93"/>
        <source>مایا</source>
        <translation>Maya</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="157"/>
        <source>سفارش‌ها</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="158"/>
        <source>پرونده‌های من</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="159"/>
        <source>دسترسی اضطراری</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="160"/>
        <source>قیمت‌ها</source>
        <translation>Prices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="161"/>
        <source>کارکنان</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="162"/>
        <source>گزارش رویدادها</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="163"/>
        <source>شبکهٔ کلینیک</source>
        <translation>Clinic network</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="164"/>
        <source>درخواست‌های قانونی</source>
        <translation>Legal requests</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="165"/>
        <source>تنظیمات</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="166"/>
        <source>پشتیبان‌ها</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="167"/>
        <source>اعلان‌های مشتری</source>
        <translation>Client notices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="171"/>
        <source>برنامه</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="172"/>
        <source>قفل کردن</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="176"/>
        <source>زبان</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="184"/>
        <source>تنظیمات همگام‌سازی…</source>
        <translation>Sync settings…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="188"/>
        <source>حساب من…</source>
        <translation>My account…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="191"/>
        <source>خروج</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="194"/>
        <source>ابزار</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="243"/>
        <location filename="../../maya_desktop/gui/main_window.py" line="252"/>
        <source>متصل به میزبان</source>
        <translation>Connected to the host</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="253"/>
        <source>میزبان در دسترس نیست؛ دوباره تلاش می‌شود…</source>
        <translation>Host unreachable; trying again…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="254"/>
        <source>میزبان این ورود را نمی‌شناسد؛ دوباره وارد شوید.</source>
        <translation>The host no longer knows this sign-in; sign in again.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="255"/>
        <location filename="../../maya_desktop/gui/main_window.py" line="256"/>
        <source>دسترسی این رایانه لغو شده است.</source>
        <translation>This workstation&apos;s access has been revoked.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="352"/>
        <source>زبان پس از اجرای دوبارهٔ برنامه عوض می‌شود.</source>
        <translation>The language changes the next time the program starts.</translation>
    </message>
</context>
<context>
    <name>MeasurementTable</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/measurement_table.py" line="39"/>
        <source>اندازه</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/measurement_table.py" line="39"/>
        <source>مقدار</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/measurement_table.py" line="39"/>
        <source>محدودهٔ طبیعی</source>
        <translation>Normal range</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/measurement_table.py" line="39"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../maya_desktop/gui/messages.py" line="35"/>
        <source>تأیید</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/messages.py" line="60"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="53"/>
        <source>شبکهٔ کلینیک</source>
        <translation>Clinic network</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="60"/>
        <source>کد اتصال رایانهٔ تازه…</source>
        <translation>Pairing code for a new PC…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="61"/>
        <source>لغو دسترسی این رایانه</source>
        <translation>Revoke this PC&apos;s access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="75"/>
        <source>نام رایانه</source>
        <translation>PC name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="75"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="75"/>
        <source>آخرین ارتباط</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="75"/>
        <source>اثر انگشت گواهی</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="103"/>
        <source>اثر انگشت گواهی میزبان: {0}</source>
        <translation>Host certificate fingerprint: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="105"/>
        <source>این رایانه هنوز میزبان شبکه نشده است؛ نخستین کد اتصال آن را آماده می‌کند.</source>
        <translation>This PC does not host a network yet; the first pairing code sets it up.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="112"/>
        <source>لغو شده {0}</source>
        <translation>Revoked {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="112"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="113"/>
        <source>هنوز نه</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="149"/>
        <source>کد اتصال</source>
        <translation>Pairing code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="149"/>
        <source>نام رایانهٔ تازه (مثلاً «پذیرش ۱»):</source>
        <translation>The new PC&apos;s name (e.g. &quot;Reception 1&quot;):</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="163"/>
        <source>کد یک‌بارمصرف برای «{0}»: {1}
تا {2} دقیقه معتبر است. روی آن رایانه، نشانی میزبان و این کد را وارد کنید و اثر انگشتی را که نشان می‌دهد با این مقایسه کنید:
{3}</source>
        <translation>One-time code for &quot;{0}&quot;: {1}
Valid for {2} minutes. On that PC, enter the host&apos;s address and this code, and compare the fingerprint it shows with this one:
{3}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="174"/>
        <source>لغو دسترسی</source>
        <translation>Revoke access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="176"/>
        <source>«{0}» دیگر به میزبان وصل نمی‌شود و هر کس روی آن وارد شده است همین حالا بیرون می‌رود. برای اتصال دوباره، کد اتصال تازه لازم است. ادامه می‌دهید؟</source>
        <translation>&quot;{0}&quot; will no longer connect to the host, and whoever is signed in on it is signed out now. Connecting it again needs a new pairing code. Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/network_page.py" line="192"/>
        <source>دسترسی «{0}» لغو شد.</source>
        <translation>Access of &quot;{0}&quot; revoked.</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="127"/>
        <source>سفارش جدید</source>
        <translation>New order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="140"/>
        <source>اختیاری؛ شمارهٔ کارت یا اطلاعات بانکی ننویسید.</source>
        <translation>Optional; do not enter card numbers or bank details.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="142"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="143"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="144"/>
        <source>یادداشت</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>NoseSimulation</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_simulation.py" line="38"/>
        <source>شبیه‌سازی فقط روی عکس نیم‌رخ ممکن است؛ عکس نیم‌رخ را انتخاب کنید.</source>
        <translation>Simulation works only on a profile photo; choose a profile photo.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer_simulation.py" line="73"/>
        <source>شبیه‌سازی ممکن نشد: روی این عکس نقاط نازیون، نوک بینی و ساب‌نازال لازم است ({0}).</source>
        <translation>Simulation not possible: this photo needs the nasion, nasal tip and subnasale points ({0}).</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="54"/>
        <source>پیش‌فاکتور آماده است</source>
        <translation>Quote ready</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="55"/>
        <source>آنالیز تحویل شد</source>
        <translation>Analysis delivered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="56"/>
        <source>رسید نابودی فایل‌ها</source>
        <translation>Destruction receipt</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="57"/>
        <source>رضایت ثبت شد</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="58"/>
        <source>رویدادها و تخفیف‌ها (فقط با اجازهٔ مشتری)</source>
        <translation>Events and discounts (only with the client&apos;s opt-in)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="61"/>
        <source>در صف ارسال</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="62"/>
        <source>در حال ارسال</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="63"/>
        <source>فرستاده شد</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="64"/>
        <source>ناموفق</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="65"/>
        <source>لغو شد</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="67"/>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="67"/>
        <source>پیامک</source>
        <translation>SMS</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="110"/>
        <source>اعلان‌های مشتری</source>
        <translation>Client notices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="114"/>
        <source>اعلان‌های خدمت (پیش‌فاکتور، تحویل، رسید نابودی فایل‌ها، ثبت رضایت) بخشی از خدمت‌اند و برای همه فرستاده می‌شوند. خبر رویدادها و تخفیف‌ها فقط برای مشتریانی فرستاده می‌شود که اجازه داده‌اند، و هر پیام راه لغو دارد. تا ایمیل یا پیامک روشن نشود، هیچ پیامی فرستاده نمی‌شود.</source>
        <translation>Service notices (quote, delivery, destruction receipt, consent recorded) are part of the service and go to every client. News of events and discounts goes only to clients who opted in, and every such message carries a way to opt out. Nothing is sent until email or SMS is turned on.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="133"/>
        <source>قالب پیام‌ها</source>
        <translation>Message templates</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="142"/>
        <source>فارسی</source>
        <translation>Persian</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="143"/>
        <source>انگلیسی (برای مشتریانی که انگلیسی را انتخاب کرده‌اند)</source>
        <translation>English (for clients who chose English)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="154"/>
        <source>موضوع ایمیل</source>
        <translation>Email subject</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="155"/>
        <source>متن ایمیل</source>
        <translation>Email text</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="156"/>
        <source>متن پیامک</source>
        <translation>SMS text</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="169"/>
        <source>ذخیره و تأیید قالب</source>
        <translation>Save and approve template</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="186"/>
        <source>فیلدهای مجاز: {0}</source>
        <translation>Allowed fields: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="210"/>
        <source>پیش‌نمایش (با داده‌های نمونه)</source>
        <translation>Preview (sample data)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="210"/>
        <source>پیامک:</source>
        <translation>SMS:</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="227"/>
        <source>آخرین بازبینی: {0}، {1}</source>
        <translation>Last reviewed: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="230"/>
        <source>قالب‌های پیش‌فرض هنوز بازبینی نشده‌اند.</source>
        <translation>The default templates have not been reviewed yet.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="234"/>
        <source>اختیاری: گواهی مرجع (CA) ساخت کلینیک</source>
        <translation>Optional: the clinic&apos;s own CA certificate</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="235"/>
        <source>انتخاب…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="243"/>
        <location filename="../../maya_desktop/gui/notices_page.py" line="275"/>
        <location filename="../../maya_desktop/gui/notices_page.py" line="308"/>
        <source>گواهی مرجع</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="248"/>
        <source>ایمیل از سرور ایمیل کلینیک</source>
        <translation>Email through the clinic&apos;s mail server</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="250"/>
        <source>فرستادن اعلان‌ها با ایمیل</source>
        <translation>Send notices by email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="262"/>
        <source>STARTTLS (معمولاً درگاه ۵۸۷)</source>
        <translation>STARTTLS (usually port 587)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="263"/>
        <source>TLS از ابتدا (معمولاً درگاه ۴۶۵)</source>
        <translation>TLS from the start (usually port 465)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="269"/>
        <source>سرور</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="270"/>
        <source>درگاه (پورت)</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="271"/>
        <source>رمزگذاری</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="272"/>
        <source>نشانی فرستنده</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="273"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="274"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="278"/>
        <source>گواهی سرور همیشه بررسی می‌شود؛ ایمیل هرگز بدون رمزگذاری فرستاده نمی‌شود.</source>
        <translation>The server&apos;s certificate is always verified; email is never sent unencrypted.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="280"/>
        <source>ذخیرهٔ تنظیمات ایمیل</source>
        <translation>Save email settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="284"/>
        <source>پیامک از درگاه پیامک</source>
        <translation>SMS through an SMS gateway</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="288"/>
        <source>درگاه پیامک شمارهٔ همراه مشتری و متن پیام را دریافت می‌کند. متن پیام‌ها کوتاه است: نام کلینیک، شمارهٔ سفارش، مبلغ و تاریخ؛ نه نام خدمت، نه اندازه‌ها، نه عکس.</source>
        <translation>The SMS gateway receives the client&apos;s mobile number and the message text. Texts are kept short: clinic name, order number, amount and date; never the service, measurements or photos.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="296"/>
        <source>فرستادن اعلان‌ها با پیامک (کاوه‌نگار)</source>
        <translation>Send notices by SMS (Kavenegar)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="305"/>
        <source>کلید API</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="306"/>
        <source>شمارهٔ خط فرستنده</source>
        <translation>Sender line number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="307"/>
        <source>نشانی درگاه</source>
        <translation>Gateway address</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="310"/>
        <source>ذخیرهٔ تنظیمات پیامک</source>
        <translation>Save SMS settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="314"/>
        <source>صفحهٔ پرداخت بانکی</source>
        <translation>Bank payment page</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="316"/>
        <source>خالی: پرداخت در پذیرش از درگاه بانکی</source>
        <translation>Empty: pay at reception through the bank gateway</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="319"/>
        <source>پیام‌ها هرگز شمارهٔ کارت نمی‌خواهند؛ فقط نشانی درگاه بانکی در آن‌ها می‌آید.</source>
        <translation>Messages never ask for a card number; they only give the bank gateway&apos;s address.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="321"/>
        <source>ذخیرهٔ نشانی پرداخت</source>
        <translation>Save payment address</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="325"/>
        <source>خبر رویدادها و تخفیف‌ها</source>
        <translation>News of events and discounts</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="333"/>
        <source>فرستادن برای مشتریانی که اجازه داده‌اند</source>
        <translation>Send to clients who opted in</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="337"/>
        <source>کد لغو اشتراکی که مشتری داده است</source>
        <translation>Opt-out code the client gave</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="338"/>
        <source>لغو اشتراک</source>
        <translation>Opt out</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="366"/>
        <source>{0} مشتری اجازهٔ دریافت خبرها را داده‌اند.</source>
        <translation>{0} clients have opted in to news.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="429"/>
        <source>{0} پیام در صف ارسال است.</source>
        <translation>{0} messages queued.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="436"/>
        <source>اشتراک خبرهای این مشتری لغو و ثبت شد.</source>
        <translation>This client&apos;s opt-out was recorded.</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../../ui/order_actions.ui" line="13"/>
        <source>وارد کردن عکس…</source>
        <translation>Import photos…</translation>
    </message>
    <message>
        <location filename="../../ui/order_actions.ui" line="14"/>
        <source>تأیید نماها</source>
        <translation>Views confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/order_actions.ui" line="15"/>
        <source>پایان تحلیل</source>
        <translation>Analysis completed</translation>
    </message>
    <message>
        <location filename="../../ui/order_actions.ui" line="16"/>
        <source>ثبت رضایت…</source>
        <translation>Record consent…</translation>
    </message>
    <message>
        <location filename="../../ui/order_actions.ui" line="17"/>
        <source>لغو رضایت</source>
        <translation>Consent revoked</translation>
    </message>
    <message>
        <location filename="../../ui/order_actions.ui" line="18"/>
        <source>دسترسی اضطراری…</source>
        <translation>Emergency access…</translation>
    </message>
    <message>
        <location filename="../../ui/order_actions.ui" line="20"/>
        <source>لغو سفارش…</source>
        <translation>Cancel order…</translation>
    </message>
    <message>
        <location filename="../../ui/order_actions.ui" line="21"/>
        <source>نابودی فایل‌ها…</source>
        <translation>Destroy files…</translation>
    </message>
</context>
<context>
    <name>OrderConsents</name>
    <message>
        <location filename="../../ui/order_consents.ui" line="5"/>
        <source>رضایت مشتری</source>
        <translation>Client consent</translation>
    </message>
    <message>
        <location filename="../../ui/order_consents.ui" line="9"/>
        <source>پزشک</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../ui/order_consents.ui" line="10"/>
        <source>روش</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/order_consents.ui" line="11"/>
        <source>فرم</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../ui/order_consents.ui" line="12"/>
        <source>ثبت</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../ui/order_consents.ui" line="13"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="320"/>
        <source>وارد کردن عکس…</source>
        <translation>Import photos…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="296"/>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="663"/>
        <source>سفارش {0}</source>
        <translation>Order {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="317"/>
        <source>وارد کردن سند…</source>
        <translation>Import document…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="342"/>
        <source>دسترسی اضطراری فعال است تا {0}. همهٔ دسترسی‌ها ثبت می‌شود.</source>
        <translation>Emergency access is active until {0}. All access is logged.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="361"/>
        <source>ابتدا نمای همهٔ عکس‌ها را تأیید کنید.</source>
        <translation>Confirm the view of every photo first.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="442"/>
        <source>نماها تأیید شد.</source>
        <translation>Views confirmed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="450"/>
        <source>تحلیل کامل شد؛ اکنون قیمت را اعلام کنید.</source>
        <translation>Analysis complete; now issue the quote.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="458"/>
        <source>قیمت اعلام شد.</source>
        <translation>Quote issued.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="461"/>
        <source>پرداخت ثبت شد.</source>
        <translation>Payment recorded.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="464"/>
        <source>رضایت ثبت شد؛ سفارش برای پزشک فرستاده شد.</source>
        <translation>Consent recorded; the order was sent to the doctor.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="467"/>
        <source>رضایت لغو شد؛ پزشک دیگر دسترسی ندارد.</source>
        <translation>Consent revoked; the doctor no longer has access.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="470"/>
        <source>سفارش لغو و فایل‌های آن نابود شد.</source>
        <translation>Order cancelled and its files destroyed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="474"/>
        <source>فایل‌های سفارش نابود شد.</source>
        <translation>The order&apos;s files were destroyed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="496"/>
        <source>انتخاب سند</source>
        <translation>Choose document</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="496"/>
        <source>سند (*.pdf *.docx *.txt)</source>
        <translation>Documents (*.pdf *.docx *.txt)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="502"/>
        <source>انتخاب عکس‌ها</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="502"/>
        <source>عکس</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="516"/>
        <source>تعداد واژه</source>
        <translation>Word count</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="516"/>
        <source>تعداد واژه‌های این PDF:</source>
        <translation>Number of words in this PDF:</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="520"/>
        <source>سند وارد شد.</source>
        <translation>Document imported.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="545"/>
        <source>در حال وارد کردن و تحلیل {0} عکس…</source>
        <translation>Importing and analysing photos ({0})…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="556"/>
        <source>در حال توقف پس از عکس جاری…</source>
        <translation>Stopping after the current photo…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="561"/>
        <source>{0} از {1} عکس</source>
        <translation>{0} of {1} photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="624"/>
        <source>{0} عکس وارد شد.</source>
        <translation>Photos imported: {0}.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="626"/>
        <source>ورود عکس‌ها متوقف شد؛ عکس‌های واردشده کامل ذخیره شده‌اند و بقیه وارد نشد.</source>
        <translation>Photo import stopped; the photos already imported are fully saved and the rest were not imported.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="629"/>
        <source>این فایل‌ها وارد نشد:</source>
        <translation>These files were not imported:</translation>
    </message>
</context>
<context>
    <name>OrderHeader</name>
    <message>
        <location filename="../../ui/order_header.ui" line="17"/>
        <source>بازگشت به فهرست</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <location filename="../../ui/order_header.ui" line="40"/>
        <source>پایان دسترسی اضطراری</source>
        <translation>Emergency access ended</translation>
    </message>
    <message>
        <location filename="../../ui/order_header.ui" line="50"/>
        <source>توقف</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>OrderInfo</name>
    <message>
        <location filename="../../ui/order_info.ui" line="5"/>
        <source>مشخصات</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/order_info.ui" line="7"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../ui/order_info.ui" line="9"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/order_info.ui" line="11"/>
        <source>تاریخ ثبت</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/order_info.ui" line="13"/>
        <source>مبلغ</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/order_info.ui" line="15"/>
        <source>زمان تحویل</source>
        <translation>Turnaround</translation>
    </message>
    <message>
        <location filename="../../ui/order_info.ui" line="17"/>
        <source>تحویل و نابودی</source>
        <translation>Delivery and destruction</translation>
    </message>
</context>
<context>
    <name>OrderInfoSection</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="39"/>
        <source>هنوز اعلام نشده</source>
        <translation>Not quoted yet</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="41"/>
        <source>(تغییر دستی)</source>
        <translation>(manual override)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="44"/>
        <source> — فوری</source>
        <translation> — urgent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="45"/>
        <source>{0} روز</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="51"/>
        <source>فایل‌ها نابود شد: {0} ({1})</source>
        <translation>Files destroyed: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="53"/>
        <source>نگه‌داشته به دستور یک درخواست قانونی: فایل‌ها تا بسته شدن درخواست نابود نمی‌شود</source>
        <translation>Held by a legal request: the files are not destroyed until the request is closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="55"/>
        <source>تحویل: {0}</source>
        <translation>Delivered: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="58"/>
        <source>تحویل: {0} — نابودی خودکار فایل‌ها: {1}</source>
        <translation>Delivered: {0} — files destroyed automatically on: {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="62"/>
        <source>در بررسی پزشک از {0}</source>
        <translation>Under doctor review since {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_info.py" line="63"/>
        <source>هنوز تحویل نشده</source>
        <translation>Not delivered yet</translation>
    </message>
</context>
<context>
    <name>OrderNoticesBox</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="31"/>
        <source>اعلان‌های مشتری</source>
        <translation>Client notices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="39"/>
        <source>اعلان</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="39"/>
        <source>راه</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="39"/>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="39"/>
        <source>زمان</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="44"/>
        <source>ارسال دوباره</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="74"/>
        <source>ارسال برخی اعلان‌ها ناموفق ماند؛ نشانی مشتری یا تنظیمات ایمیل و پیامک را بررسی کنید.</source>
        <translation>Some notices could not be sent; check the client&apos;s address or the email and SMS settings.</translation>
    </message>
</context>
<context>
    <name>OrderPayments</name>
    <message>
        <location filename="../../ui/order_payments.ui" line="5"/>
        <source>پرداخت‌ها</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../ui/order_payments.ui" line="9"/>
        <source>درگاه یا پایانه</source>
        <translation>Gateway or terminal</translation>
    </message>
    <message>
        <location filename="../../ui/order_payments.ui" line="10"/>
        <source>شمارهٔ پیگیری</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../../ui/order_payments.ui" line="11"/>
        <source>مبلغ</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/order_payments.ui" line="12"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/order_payments.ui" line="15"/>
        <source>هنوز پرداختی ثبت نشده است.</source>
        <translation>No payment recorded yet.</translation>
    </message>
    <message>
        <location filename="../../ui/order_payments.ui" line="18"/>
        <source>ثبت پرداخت…</source>
        <translation>Record payment…</translation>
    </message>
</context>
<context>
    <name>OrderPhotos</name>
    <message>
        <location filename="../../ui/order_photos.ui" line="5"/>
        <source>عکس‌ها</source>
        <translation>Photos</translation>
    </message>
</context>
<context>
    <name>OrderPhotosSection</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="111"/>
        <source>اسناد</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="114"/>
        <source>{0} سند، {1} واژه</source>
        <translation>Documents: {0}, words: {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="116"/>
        <source>سندی وارد نشده است.</source>
        <translation>No document imported yet.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="122"/>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="130"/>
        <source>عکس‌ها</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="125"/>
        <source>عکس‌های این سفارش نابود شده‌اند.</source>
        <translation>This order&apos;s photos have been destroyed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="183"/>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="214"/>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="239"/>
        <source>بدون دسترسی به تصویر</source>
        <translation>No access to image</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="193"/>
        <source>هنوز عکسی وارد نشده است.</source>
        <translation>No photos imported yet.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="195"/>
        <source>عکس‌ها یا پوشهٔ آن‌ها را اینجا رها کنید یا «وارد کردن عکس» را بزنید.</source>
        <translation>Drop photos or their folder here, or click “Import photos”.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="197"/>
        <source>تصاویر این سفارش در این مرحله برای نقش شما نمایش داده نمی‌شود.</source>
        <translation>This order&apos;s images are not shown to your role at this stage.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="199"/>
        <source>نمای هر عکس را بررسی و «تأیید نماها» را بزنید. برای افزودن عکس، فایل‌ها را اینجا رها کنید.</source>
        <translation>Check the view of each photo, then click “Confirm views”. To add photos, drop the files here.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="212"/>
        <source>فایل این تصویر آسیب دیده یا دستکاری شده است</source>
        <translation>This image file is damaged or was altered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="221"/>
        <source>تحلیل خودکار: {0} از {1} عکس</source>
        <translation>Automatic analysis: {0} of {1} photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_photos.py" line="225"/>
        <source>؛ {0} اندازهٔ خارج از محدودهٔ طبیعی؛ {1} عکس رد شد</source>
        <translation>; measurements outside the normal range: {0}; photos rejected: {1}</translation>
    </message>
</context>
<context>
    <name>OrderPrint</name>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="206"/>
        <source>چاپ یا ذخیرهٔ پیش‌فاکتور…</source>
        <translation>Print or save the quote…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="207"/>
        <source>چاپ یا ذخیرهٔ رسید…</source>
        <translation>Print or save the receipt…</translation>
    </message>
</context>
<context>
    <name>OrderPrintDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="63"/>
        <source>چاپ پیش‌فاکتور</source>
        <translation>Print the quote</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="63"/>
        <source>چاپ رسید پرداخت</source>
        <translation>Print the payment receipt</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="67"/>
        <source>زبان برگه</source>
        <translation>Language of the printout</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="71"/>
        <source>فارسی</source>
        <translation>Persian</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="72"/>
        <source>انگلیسی</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="85"/>
        <source>ذخیره به صورت PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="87"/>
        <source>چاپ…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="90"/>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="98"/>
        <source>در حال آماده‌سازی…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="149"/>
        <source>ذخیرهٔ برگه</source>
        <translation>Save the printout</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="149"/>
        <source>فایل PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/order_print.py" line="162"/>
        <source>فایل نوشته نشد. پوشهٔ دیگری انتخاب کنید.</source>
        <translation>The file could not be written. Choose another folder.</translation>
    </message>
</context>
<context>
    <name>OrderQuote</name>
    <message>
        <location filename="../../ui/order_quote.ui" line="5"/>
        <source>قیمت</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/order_quote.ui" line="9"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../ui/order_quote.ui" line="10"/>
        <source>مبلغ</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/order_quote.ui" line="16"/>
        <source>اعلام قیمت…</source>
        <translation>Issue quote…</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="28"/>
        <source>شماره</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="29"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="30"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="31"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="32"/>
        <source>تاریخ ثبت</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="33"/>
        <source>مبلغ</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="69"/>
        <source>قیمت به‌صورت دستی تغییر کرده است</source>
        <translation>The price was changed manually</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="74"/>
        <source>مشتری #{0}</source>
        <translation>Client #{0}</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="58"/>
        <source>سفارش‌ها</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="61"/>
        <source>جست‌وجو با نام مشتری یا شمارهٔ سفارش…</source>
        <translation>Search by client name or order number…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="64"/>
        <source>همهٔ وضعیت‌ها</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="69"/>
        <source>همهٔ خدمت‌ها</source>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="72"/>
        <source>سفارش جدید</source>
        <translation>New order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="74"/>
        <source>باز کردن</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="180"/>
        <source>نمایش {0} از {1} سفارش</source>
        <translation>Showing {0} of {1} orders</translation>
    </message>
</context>
<context>
    <name>OverlayLegend</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/overlay_legend.py" line="23"/>
        <source>خودکار</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/overlay_legend.py" line="23"/>
        <source>نقطهٔ خودکار (شبکهٔ چهره)</source>
        <translation>Automatic point (face mesh)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/overlay_legend.py" line="24"/>
        <source>خط نیم‌رخ</source>
        <translation>Profile outline</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/overlay_legend.py" line="24"/>
        <source>نقطهٔ خودکار روی خط نیم‌رخ</source>
        <translation>Automatic point on the profile outline</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/overlay_legend.py" line="25"/>
        <source>اصلاح‌شده</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/overlay_legend.py" line="25"/>
        <source>جای نقطه را پزشک تعیین کرده است</source>
        <translation>Placed by the doctor</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/overlay_legend.py" line="28"/>
        <source>نامطمئن</source>
        <translation>Low confidence</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/overlay_legend.py" line="29"/>
        <source>خاکستری: نقطهٔ کم‌اطمینان؛ تا پزشک جای آن را تأیید یا اصلاح نکند در اندازه‌ها به کار نمی‌رود</source>
        <translation>Grey: a low-confidence point; not used in measurements until the doctor confirms or moves it</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/overlay_legend.py" line="38"/>
        <source>رنگ نقاط</source>
        <translation>Point colours</translation>
    </message>
</context>
<context>
    <name>OverlayTools</name>
    <message>
        <location filename="../../ui/overlay_tools.ui" line="6"/>
        <source>نمایش روی عکس</source>
        <translation>Shown on the photo</translation>
    </message>
    <message>
        <location filename="../../ui/overlay_tools.ui" line="50"/>
        <source>روشنایی و کنتراست</source>
        <translation>Brightness and contrast</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="31"/>
        <source>اتصال این رایانه به میزبان کلینیک</source>
        <translation>Pair this PC with the clinic&apos;s vault host</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="34"/>
        <source>نشانی رایانهٔ میزبان و کد یک‌بارمصرفی را که مدیر روی آن ساخته وارد کنید (مثلاً 192.168.1.10:8443).</source>
        <translation>Enter the vault host&apos;s address and the one-time code a manager made on it (e.g. 192.168.1.10:8443).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="43"/>
        <source>نشانی میزبان</source>
        <translation>Host address</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="44"/>
        <source>کد یک‌بارمصرف</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="50"/>
        <source>اتصال</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="51"/>
        <source>اثر انگشت یکسان است؛ تأیید</source>
        <translation>The fingerprint matches: confirm</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="53"/>
        <source>یکسان نیست؛ لغو</source>
        <translation>It does not match: cancel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="69"/>
        <source>نشانی (با شمارهٔ درگاه) و کد را وارد کنید.</source>
        <translation>Enter the address (with its port) and the code.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="72"/>
        <source>در حال اتصال…</source>
        <translation>Pairing…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/pair_dialog.py" line="80"/>
        <source>اثر انگشت گواهی میزبان را با آنچه میزبان هنگام ساختن کد نشان داد مقایسه کنید:</source>
        <translation>Compare the host certificate&apos;s fingerprint with the one the host showed when the code was made:</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="279"/>
        <source>ثبت پرداخت</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="288"/>
        <source>درگاه یا پایانه را انتخاب کنید</source>
        <translation>Choose the gateway or terminal</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="291"/>
        <source>مثلاً درگاه سامان یا کارت‌خوان ملت</source>
        <translation>e.g. Saman gateway or Mellat card reader</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="292"/>
        <source>شمارهٔ پیگیری یا مرجع تراکنش</source>
        <translation>Tracking number or transaction reference</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="297"/>
        <source>درگاه یا پایانه</source>
        <translation>Gateway or terminal</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="298"/>
        <source>شمارهٔ پیگیری</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="299"/>
        <source>مبلغ (تومان)</source>
        <translation>Amount (toman)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="300"/>
        <source>تاریخ پرداخت</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="301"/>
        <source>شمارهٔ کارت بانکی را هرگز وارد نکنید؛ فقط شمارهٔ پیگیری درگاه.</source>
        <translation>Never enter a bank card number; only the gateway&apos;s tracking number.</translation>
    </message>
</context>
<context>
    <name>PhotoCard</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="67"/>
        <source>نما را انتخاب کنید</source>
        <translation>Choose view</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="76"/>
        <source>حذف عکس</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="81"/>
        <source>بدون دسترسی به تصویر</source>
        <translation>No access to image</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="96"/>
        <source>✓ نما تأیید شده</source>
        <translation>✓ View confirmed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="98"/>
        <source>پیشنهاد تحلیل: {0}</source>
        <translation>Suggested: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="100"/>
        <source>نما را تعیین و تأیید کنید</source>
        <translation>Set and confirm the view</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="109"/>
        <source>تصویر خوانده نشد</source>
        <translation>Image could not be read</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="131"/>
        <source>کیفیت عکس برای تحلیل کافی نیست</source>
        <translation>Photo quality is too low for analysis</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="132"/>
        <source>رد شد: {0}</source>
        <translation>Rejected: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="136"/>
        <source>تحلیل شد؛ {0} اندازهٔ خارج از محدوده</source>
        <translation>Analysed; out of range: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/photo_card.py" line="138"/>
        <source>؛ {0} هشدار</source>
        <translation>; warnings: {0}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/photo_strip.py" line="77"/>
        <source>در حال باز شدن…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/photo_strip.py" line="77"/>
        <source>برای باز کردن کلیک کنید</source>
        <translation>Click to open</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/photo_strip.py" line="106"/>
        <source>باز نشد</source>
        <translation>Could not open</translation>
    </message>
</context>
<context>
    <name>PriceRulesPage</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="93"/>
        <source>قیمت‌ها و زمان تحویل</source>
        <translation>Prices and turnaround</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="96"/>
        <source>قیمت هر سفارش از این قاعده‌ها و نتیجهٔ تحلیل محاسبه می‌شود. مبلغ‌ها به تومان است.</source>
        <translation>Each order&apos;s price is calculated from these rules and the analysis result. Amounts are in toman.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="106"/>
        <source>قیمت ویژهٔ یک اندازه…</source>
        <translation>Special price for a measurement…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="108"/>
        <source>حذف قیمت ویژه</source>
        <translation>Remove special price</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="110"/>
        <source>ذخیرهٔ تغییرها</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="119"/>
        <source>قاعده</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="119"/>
        <source>مقدار</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="119"/>
        <source>واحد</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="135"/>
        <source>درگاه‌ها و کارت‌خوان‌های پرداخت</source>
        <translation>Payment gateways and card terminals</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="138"/>
        <source>پذیرش هنگام ثبت پرداخت یکی از این‌ها را انتخاب می‌کند.</source>
        <translation>Reception chooses one of these when recording a payment.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="144"/>
        <source>افزودن درگاه…</source>
        <translation>Add gateway…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="146"/>
        <source>حذف درگاه</source>
        <translation>Remove gateway</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="169"/>
        <source>اندازهٔ «{0}» خارج از محدوده</source>
        <translation>Measurement “{0}” out of range</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="175"/>
        <source>تومان</source>
        <translation>toman</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="177"/>
        <source>روز</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="179"/>
        <source>درصد</source>
        <translation>percent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="180"/>
        <source>عدد</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="264"/>
        <source>{0} قاعده ذخیره شد.</source>
        <translation>Rules saved: {0}.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="269"/>
        <source>قیمت ویژهٔ یک اندازه</source>
        <translation>Special price for a measurement</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="269"/>
        <source>کلید اندازه (مثلاً nasolabial_angle):</source>
        <translation>Measurement key (e.g. nasolabial_angle):</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="307"/>
        <source>درگاه یا کارت‌خوان</source>
        <translation>Gateway or card terminal</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="307"/>
        <source>نام درگاه یا کارت‌خوان (مثلاً کارت‌خوان ملت):</source>
        <translation>Name of the gateway or card terminal (e.g. Mellat card terminal):</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="326"/>
        <source>فهرست درگاه‌ها ذخیره شد.</source>
        <translation>Gateways list saved.</translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="170"/>
        <source>اعلام قیمت</source>
        <translation>Issue quote</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="178"/>
        <source>مبلغ</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="178"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="186"/>
        <source>فوری</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="192"/>
        <source>تغییر دستی قیمت</source>
        <translation>Manual price override</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="197"/>
        <source>مبلغ به تومان</source>
        <translation>Amount in toman</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="200"/>
        <source> روز</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="202"/>
        <source>دلیل تغییر قیمت (الزامی)</source>
        <translation>Reason for the price change (required)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="203"/>
        <source>مبلغ نهایی (تومان)</source>
        <translation>Final amount (toman)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="204"/>
        <source>زمان تحویل</source>
        <translation>Turnaround</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="205"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="236"/>
        <source>جمع: {0} — زمان تحویل: {1} روز</source>
        <translation>Total: {0} — turnaround: {1} days</translation>
    </message>
</context>
<context>
    <name>QuoteSection</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="94"/>
        <source>جمع: {0}</source>
        <translation>Total: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="95"/>
        <source>هنوز قیمتی اعلام نشده است.</source>
        <translation>No quote issued yet.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="99"/>
        <source>جمع: {0} — زمان تحویل: {1} روز</source>
        <translation>Total: {0} — turnaround: {1} days</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="101"/>
        <source> — فوری</source>
        <translation> — urgent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_money.py" line="103"/>
        <source> — قیمت به‌صورت دستی تغییر کرد</source>
        <translation> — price changed manually</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="66"/>
        <source>کد بازیابی پشتیبان</source>
        <translation>Backup recovery code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="72"/>
        <source>این کد فقط همین یک بار نشان داده می‌شود و هیچ‌جا ذخیره نمی‌شود. آن را روی کاغذ بنویسید و جای امنی جدا از فایل پشتیبان نگه دارید. با این کد (یا گذرواژهٔ مدیری که اکنون فعال است) پشتیبان باز می‌شود.</source>
        <translation>This code is shown only this once and is stored nowhere. Write it on paper and keep it somewhere safe, apart from the backup file. The backup opens with this code (or the password of a manager active now).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="91"/>
        <source>کد را نوشتم و جای امنی نگه داشتم.</source>
        <translation>I have written the code down and keep it somewhere safe.</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="248"/>
        <source>رد درخواست مرجع قضایی</source>
        <translation>Refuse the court&apos;s request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="250"/>
        <source>رد درخواست</source>
        <translation>Refuse request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="255"/>
        <source>مثلاً نامه امضا یا مهر ندارد؛ شمارهٔ کارت ننویسید.</source>
        <translation>e.g. the letter has no signature or seal; no card numbers.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="257"/>
        <source>دلیل رد</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../../ui/report_actions.ui" line="6"/>
        <source>یافته‌ها و گزارش</source>
        <translation>Findings and report</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.ui" line="27"/>
        <source>ذخیرهٔ یافته‌ها</source>
        <translation>Findings saved</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.ui" line="34"/>
        <source>امضا و ساخت گزارش</source>
        <translation>Sign and create report</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.ui" line="44"/>
        <source>ذخیرهٔ PDF برای مشتری…</source>
        <translation>Save PDF for client…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.ui" line="51"/>
        <source>چاپ…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.ui" line="58"/>
        <source>عکس‌ها و گزارش برای مشتری…</source>
        <translation>Photos and report for the client…</translation>
    </message>
    <message>
        <location filename="../../ui/report_actions.ui" line="65"/>
        <source>ثبت تحویل</source>
        <translation>Record delivery</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/report_preview.py" line="64"/>
        <source>پیش‌نمایش گزارش پیش از امضا</source>
        <translation>Report preview before signing</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/report_preview.py" line="68"/>
        <source>این همان گزارشی است که با امضای شما ساخته و در پرونده ذخیره می‌شود (زمان امضا هنگام تأیید ثبت می‌شود). آن را بخوانید؛ اگر درست است امضا کنید، وگرنه به ویرایش برگردید.</source>
        <translation>This is the report that will be made with your signature and stored in the case (the signing time is recorded when you confirm). Read it; sign if it is right, otherwise go back to editing.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/report_preview.py" line="81"/>
        <source>{0} صفحه</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/report_preview.py" line="105"/>
        <source>امضا و ذخیرهٔ گزارش</source>
        <translation>Sign and store the report</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/report_preview.py" line="108"/>
        <source>بازگشت به ویرایش</source>
        <translation>Back to editing</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="118"/>
        <source>بازیابی از پشتیبان</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="123"/>
        <source>بازیابی در یک پوشهٔ داده تازه و خالی انجام می‌شود و داده‌های کنونی این رایانه دست نمی‌خورند. پشتیبان همهٔ سفارش‌هایی را که هنگام ساختش داشت دوباره برمی‌گرداند، حتی آن‌هایی که از آن پس نابود شده‌اند؛ سفارش‌هایی که مهلتشان گذشته در نخستین ورود نابود می‌شوند. کارکنان با گذرواژه‌ای که هنگام پشتیبان‌گیری داشتند وارد می‌شوند.</source>
        <translation>Restoring goes into a new, empty data folder; the current data on this computer is not touched. The backup brings back every order it held when it was made, even those destroyed since; orders past their retention are destroyed at the first login. Staff log in with the passwords they had when the backup was made.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="132"/>
        <source>انتخاب فایل…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="134"/>
        <location filename="../../maya_desktop/gui/backups_page.py" line="173"/>
        <source>فایل پشتیبان</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="135"/>
        <source>پوشه‌ای تازه، مثلاً …/maya-restored</source>
        <translation>A new folder, e.g. …/maya-restored</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="136"/>
        <source>انتخاب پوشه…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="138"/>
        <location filename="../../maya_desktop/gui/backups_page.py" line="178"/>
        <source>پوشهٔ داده تازه</source>
        <translation>New data folder</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="139"/>
        <source>کد بازیابی (۱۴ گروه ۴ نویسه‌ای)</source>
        <translation>Recovery code (14 groups of 4 characters)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="140"/>
        <source>کد بازیابی</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="141"/>
        <source>یا نام کاربری و گذرواژهٔ مدیری که هنگام پشتیبان‌گیری فعال بود:</source>
        <translation>Or the username and password of a manager who was active when the backup was made:</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="144"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="145"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="154"/>
        <source>بازیابی</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="173"/>
        <source>پشتیبان مایا (*.mayabak)</source>
        <translation>Maya backup (*.mayabak)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="187"/>
        <source>فایل پشتیبان و پوشهٔ داده تازه را انتخاب کنید.</source>
        <translation>Choose the backup file and the new data folder.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="190"/>
        <source>کد بازیابی یا نام کاربری و گذرواژهٔ یک مدیر را وارد کنید.</source>
        <translation>Enter the recovery code, or a manager&apos;s username and password.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="102"/>
        <source>تنظیمات کلینیک</source>
        <translation>Clinic settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="109"/>
        <source>قفل خودکار پس از (دقیقه)</source>
        <translation>Auto-lock after (minutes)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="110"/>
        <source>نگهداری تصاویر پس از تحویل (روز)</source>
        <translation>Keep images after delivery (days)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="111"/>
        <source>اعتبار پیش‌فاکتور (روز)</source>
        <translation>Quote valid for (days)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="112"/>
        <source>پزشک شمارهٔ همراه و ایمیل مشتری را ببیند</source>
        <translation>Doctors can see the client&apos;s mobile and email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="114"/>
        <source>نگهداری قانونی پیش از پایانش در گزارش دسترسی مشتری دیده شود (پیش‌فرض: پس از پایان)</source>
        <translation>Show a legal hold in the client&apos;s access report while it is in force (default: once lifted)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="130"/>
        <source>طبق تعهد کلینیک، تصاویر و گزارش پس از این مدت از تحویل نابود می‌شوند. نسخه‌های پشتیبان نیز تا پایان عمر خود این اطلاعات را دارند.</source>
        <translation>As the clinic has promised, images and reports are destroyed this long after delivery. Backups keep this information until they themselves expire.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="133"/>
        <source>ذخیرهٔ تنظیمات</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="146"/>
        <source>پشتیبان خودکار روزانه</source>
        <translation>Automatic daily backup</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="150"/>
        <source>خاموش (پوشه‌ای انتخاب نشده)</source>
        <translation>Off (no folder chosen)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="151"/>
        <source>انتخاب پوشه…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="160"/>
        <source>نگهداری پشتیبان‌ها (روز)</source>
        <translation>Keep backups (days)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="164"/>
        <source>هر پشتیبان تا پایان این مدت، سفارش‌هایی را که پس از آن نابود شده‌اند هنوز در خود دارد؛ کوتاه نگه دارید. کلید پشتیبان‌های خودکار با گذرواژهٔ مدیران باز می‌شود.</source>
        <translation>Until it expires, each backup still holds orders destroyed after it was made; keep this short. Automatic backups open with a manager&apos;s password.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="167"/>
        <source>ذخیرهٔ تنظیمات پشتیبان</source>
        <translation>Save backup settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="172"/>
        <source>پوشهٔ پشتیبان</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="188"/>
        <source>پشتیبان‌های خودکارِ قدیمی‌تر از {0} روز در نوبت بعدی پاک می‌شوند و دیگر نمی‌توان از آن‌ها بازیابی کرد.</source>
        <translation>Automatic backups older than {0} days are deleted at the next run and can no longer be restored.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="203"/>
        <source>تنظیمات پشتیبان ذخیره شد.</source>
        <translation>Backup settings saved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="209"/>
        <source>این تغییر داده‌ها را زودتر از قبل نابود می‌کند و برگشت‌پذیر نیست.</source>
        <translation>This change destroys data sooner than before and cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="210"/>
        <source>بله، ذخیره کن</source>
        <translation>Yes, save</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="219"/>
        <source>تصاویر و گزارش سفارش‌های تحویل‌شده {0} روز پس از تحویل نابود می‌شوند؛ سفارش‌هایی که این مهلت را گذرانده‌اند در نوبت بعدی نابود می‌شوند.</source>
        <translation>Photos and reports of delivered orders are destroyed {0} days after delivery; orders already past that are destroyed at the next run.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="225"/>
        <source>پیش‌فاکتورهای پرداخت‌نشده پس از {0} روز منقضی و فایل‌هایشان نابود می‌شوند.</source>
        <translation>Unpaid quotes expire after {0} days and their files are destroyed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="256"/>
        <source>تنظیمات ذخیره شد.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="38"/>
        <source>راه‌اندازی مایا</source>
        <translation>Maya setup</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="40"/>
        <source>بعدی</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="41"/>
        <source>قبلی</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="42"/>
        <source>ساختن کلینیک</source>
        <translation>Create clinic</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="43"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="46"/>
        <source>به مایا خوش آمدید</source>
        <translation>Welcome to Maya</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="49"/>
        <source>همهٔ اطلاعات مشتریان روی همین رایانه و به‌صورت رمزنگاری‌شده نگهداری می‌شود. تصاویر پس از تحویل تحلیل نابود می‌شوند و فقط آمار بی‌نام به دفتر مرکزی فرستاده می‌شود.

در این مرحله نام کلینیک و حساب مدیر را می‌سازید. گذرواژهٔ مدیر را فراموش نکنید: بدون آن هیچ‌کس، حتی پشتیبانی، نمی‌تواند اطلاعات را باز کند.</source>
        <translation>All client information is kept on this computer, encrypted. Images are destroyed after the analysis is delivered, and only anonymous statistics are sent to head office.

In this step you create the clinic name and the manager account. Do not forget the manager&apos;s password: without it nobody, not even support, can open the data.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="60"/>
        <source>کلینیک</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="62"/>
        <source>مجموعهٔ زیبایی مایا</source>
        <translation>Maya Beauty Center</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="66"/>
        <source>نام کلینیک</source>
        <translation>Clinic name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="67"/>
        <source>پوشهٔ داده‌ها</source>
        <translation>Data folder</translation>
    </message>
</context>
<context>
    <name>SimulationPanel</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="103"/>
        <source>شبیه‌سازی — نمایش تقریبی تغییر برنامه‌ریزی‌شده روی عکس، نه نتیجهٔ قطعی جراحی.</source>
        <translation>Simulation — an approximate illustration of the planned change on the photo, not a promised surgical result.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="112"/>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="153"/>
        <source>اکنون</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="113"/>
        <source>شبیه‌سازی (نه نتیجهٔ قطعی)</source>
        <translation>Simulation (not a promised result)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="122"/>
        <source>کاهش قوز پشت بینی</source>
        <translation>Dorsal hump reduction</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="122"/>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="123"/>
        <source> میلی‌متر</source>
        <translation> mm</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="123"/>
        <source>برجستگی نوک بینی</source>
        <translation>Tip projection</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="124"/>
        <source>چرخش نوک به بالا</source>
        <translation>Tip rotation (upward)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="125"/>
        <source>بازتر شدن زاویهٔ بینی-لب</source>
        <translation>Open the nasolabial angle by</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="141"/>
        <source>بدون تغییر</source>
        <translation>No change</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="143"/>
        <source>در گزارش بیاید (با برچسب شبیه‌سازی)</source>
        <translation>Include in the report (labelled as a simulation)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="153"/>
        <source>اندازه</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="153"/>
        <source>پس از شبیه‌سازی</source>
        <translation>Simulated</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/simulation_view.py" line="153"/>
        <source>محدودهٔ طبیعی</source>
        <translation>Normal range</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="41"/>
        <source>حساب کاربری جدید</source>
        <translation>New user account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="54"/>
        <source>ساختن حساب</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="55"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="68"/>
        <source>در حال ساختن حساب…</source>
        <translation>Creating the account…</translation>
    </message>
</context>
<context>
    <name>StaffForm</name>
    <message>
        <location filename="../../ui/staff_form.ui" line="6"/>
        <source>حساب کاربری جدید</source>
        <translation>New user account</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="10"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="12"/>
        <source>نام کاربری (لاتین)</source>
        <translation>Username (Latin letters)</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="14"/>
        <source>نقش</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="16"/>
        <source>شمارهٔ نظام پزشکی</source>
        <translation>Medical Council no.</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="18"/>
        <source>گذرواژهٔ اولیه</source>
        <translation>Initial password</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="85"/>
        <source>کارکنان</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="89"/>
        <source>حساب جدید</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="91"/>
        <source>تعیین گذرواژهٔ تازه</source>
        <translation>Set new password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="92"/>
        <location filename="../../maya_desktop/gui/staff_page.py" line="190"/>
        <source>غیرفعال کردن</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="113"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="113"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="113"/>
        <source>نقش</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="113"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="113"/>
        <source>پذیرش تعهدنامه</source>
        <translation>Agreement accepted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="146"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="146"/>
        <source>غیرفعال</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="175"/>
        <source>گذرواژهٔ تازه</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="175"/>
        <source>گذرواژهٔ تازه:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="182"/>
        <source>گذرواژهٔ تازه ثبت شد.</source>
        <translation>The new password is set.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="191"/>
        <source>این فرد دیگر نمی‌تواند وارد شود و کلید پایگاه داده عوض می‌شود. ادامه می‌دهید؟</source>
        <translation>This person will no longer be able to log in, and the database key will be changed. Continue?</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="46"/>
        <source>تنظیمات همگام‌سازی</source>
        <translation>Sync settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="51"/>
        <source>فقط داده‌های بی‌نام (وضعیت سفارش، خدمت، مبلغ و روز) با اتصال امن https به دفتر مرکزی فرستاده می‌شود.</source>
        <translation>Only anonymous data (order status, service, amount and day) is sent to head office over a secure HTTPS connection.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="117"/>
        <source>ذخیره شده است؛ برای تغییر، توکن تازه را وارد کنید</source>
        <translation>Saved; enter a new token to change it</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="60"/>
        <source>اختیاری: SHA-256 کلید عمومی سرور</source>
        <translation>Optional: SHA-256 of the server&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="63"/>
        <source>اختیاری: شناسهٔ درمانگاه از دفتر مرکزی (cl_...)</source>
        <translation>Optional: clinic ID from head office (cl_...)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="66"/>
        <source>اختیاری: گواهی مرجع خصوصی (PEM)</source>
        <translation>Optional: private CA certificate (PEM)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="67"/>
        <source>انتخاب…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="76"/>
        <source>نشانی سرور</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="77"/>
        <source>توکن درمانگاه</source>
        <translation>Clinic token</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="78"/>
        <source>پین گواهی</source>
        <translation>Certificate pin</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="79"/>
        <source>شناسهٔ درمانگاه</source>
        <translation>Clinic ID</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="80"/>
        <source>مرجع گواهی</source>
        <translation>Certificate authority</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="82"/>
        <source>آزمایش اتصال</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="88"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="89"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="164"/>
        <source>گواهی مرجع</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="199"/>
        <source>در حال آزمایش…</source>
        <translation>Testing…</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="195"/>
        <source>در صف: {0}</source>
        <translation>Queued: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="204"/>
        <source>همگام‌سازی تنظیم نشده است؛ {0} مورد در صف می‌ماند تا پس از تنظیم آن ارسال شود</source>
        <translation>Sync is not set up; {0} queued, kept for sending once it is</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="213"/>
        <source>هنوز انجام نشده</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="214"/>
        <source>آخرین همگام‌سازی: {0}</source>
        <translation>Last sync: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="207"/>
        <source>همگام‌سازی تنظیم نشده است</source>
        <translation>Sync is not set up</translation>
    </message>
</context>
<context>
    <name>ViewModes</name>
    <message>
        <location filename="../../ui/view_modes.ui" line="6"/>
        <source>شبیه‌سازی و چیدمان</source>
        <translation>Simulation and layout</translation>
    </message>
    <message>
        <location filename="../../ui/view_modes.ui" line="27"/>
        <source>شبیه‌سازی</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <location filename="../../ui/view_modes.ui" line="30"/>
        <source>شبیه‌سازی تغییر بینی روی عکس نیم‌رخ (نمایش تقریبی، نه نتیجهٔ قطعی جراحی)</source>
        <translation>Simulate a nose change on the profile photo (an approximate illustration, not a promised surgical result)</translation>
    </message>
    <message>
        <location filename="../../ui/view_modes.ui" line="40"/>
        <source>چیدمان استاندارد</source>
        <translation>Standard layout</translation>
    </message>
</context>
<context>
    <name>ViewTools</name>
    <message>
        <location filename="../../ui/view_tools.ui" line="6"/>
        <source>بزرگ‌نمایی و چرخش</source>
        <translation>Zoom and rotation</translation>
    </message>
    <message>
        <location filename="../../ui/view_tools.ui" line="27"/>
        <location filename="../../ui/view_tools.ui" line="30"/>
        <source>جا شدن</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../ui/view_tools.ui" line="43"/>
        <source>کوچک‌نمایی</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/view_tools.ui" line="62"/>
        <location filename="../../ui/view_tools.ui" line="72"/>
        <source>بزرگ‌نمایی</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/view_tools.ui" line="85"/>
        <source>اندازهٔ واقعی</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../ui/view_tools.ui" line="114"/>
        <location filename="../../ui/view_tools.ui" line="124"/>
        <source>چرخش</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <location filename="../../ui/view_tools.ui" line="158"/>
        <source>چرخش آزاد (درجه)، فقط برای دیدن؛ اندازه‌ها تغییر نمی‌کنند</source>
        <translation>Free rotation (degrees), for viewing only; the measurements do not change</translation>
    </message>
    <message>
        <location filename="../../ui/view_tools.ui" line="165"/>
        <source>تراز افقی</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/view_tools.ui" line="168"/>
        <source>روبه‌رو: خط دو مردمک افقی می‌شود؛ نیم‌رخ: دو نقطهٔ افق فرانکفورت (تراگوس، سپس لبهٔ پایین حدقه) را کلیک کنید</source>
        <translation>Frontal: the line through both pupils is made horizontal; profile: click the two points of the Frankfort horizontal (tragus, then the lower orbital rim)</translation>
    </message>
    <message>
        <location filename="../../ui/view_tools.ui" line="175"/>
        <location filename="../../ui/view_tools.ui" line="178"/>
        <source>آینه</source>
        <translation>Mirror</translation>
    </message>
</context>
<context>
    <name>_AccountPage</name>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="78"/>
        <source>حساب مدیر</source>
        <translation>Manager account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="92"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="93"/>
        <source>نام کاربری (لاتین)</source>
        <translation>Username (Latin letters)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="94"/>
        <source>گذرواژه (دست‌کم ۱۰ نویسه)</source>
        <translation>Password (at least 10 characters)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="95"/>
        <source>تکرار گذرواژه</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="107"/>
        <source>دو گذرواژه یکسان نیستند.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="110"/>
        <source>در حال ساختن کلینیک و کلید رمزنگاری…</source>
        <translation>Creating the clinic and its encryption key…</translation>
    </message>
</context>
</TS>
