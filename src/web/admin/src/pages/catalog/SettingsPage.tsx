/**
 * 专栏设置: the agency's categories of its 主动公开目录 (第二十二条), the 索引号 scheme, the sections
 * of the 政府信息公开指南 it rewrites (第十二条; empty = generated from its data) and its 政府信息公开制度.
 */
import { Button, Card, Form, Input, List, Select, message } from 'antd';
import { catalogApi, settingsApi, type CatalogSettings } from '../../api/catalog.ts';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { useFormSubmit } from '../../lib/forms.ts';
import { FormError, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';

const SECTIONS: Array<[keyof CatalogSettings['guide'], string]> = [
  ['intro', '一、总则'],
  ['classification', '二、分类和编排体系'],
  ['obtaining', '三、获取方式'],
  ['applications', '四、依申请公开'],
  ['remedies', '六、监督和救济'],
];

export default function SettingsPage() {
  const { agencyId } = useAgencySelection();
  const data = useApiData((signal) => settingsApi.get(agencyId, signal), [agencyId], Boolean(agencyId));
  const meta = useApiData((signal) => catalogApi.meta(agencyId, signal), [agencyId], Boolean(agencyId));
  const [form] = Form.useForm<CatalogSettings>();
  const [catForm] = Form.useForm<{ name: string; statutoryItem: string }>();
  const submit = useFormSubmit(form, async (v: CatalogSettings) => {
    await settingsApi.save(agencyId, {
      indexScheme: v.indexScheme,
      orgCode: v.orgCode,
      rulesHtml: v.rulesHtml,
      guide: Object.fromEntries(SECTIONS.map(([k]) => [k, v.guide?.[k] ?? ''])),
    });
    void message.success('已保存');
    data.reload();
  });
  const addCat = useFormSubmit(catForm, async (v: { name: string; statutoryItem: string }) => {
    await settingsApi.addCategory(agencyId, v);
    catForm.resetFields();
    data.reload();
  });
  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  if (!data.data || !meta.data) return null;
  return (
    <>
      <PageHeading title="专栏设置" />
      <Card title="本机关类别（主动公开目录）" style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={data.data.categories}
          renderItem={(c) => (
            <List.Item>
              {c.name}（{meta.data!.statutoryItems.find((i) => i.key === c.statutoryItem)?.article ?? c.statutoryItem}）
            </List.Item>
          )}
        />
        <FormError message={addCat.error} onClose={addCat.clearError} />
        <Form form={catForm} layout="inline" onFinish={addCat.onFinish} style={{ marginTop: 8 }}>
          <Form.Item name="name" label="类别名称" rules={[{ required: true, message: '请填写' }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="statutoryItem" label="对应事项" rules={[{ required: true, message: '请选择' }]}>
            <Select
              style={{ width: 320 }}
              options={meta.data.statutoryItems.map((i) => ({ value: i.key, label: `${i.article} ${i.name}` }))}
            />
          </Form.Item>
          <Button htmlType="submit" loading={addCat.submitting}>
            新增类别
          </Button>
        </Form>
      </Card>
      <Card title="索引号、指南和制度">
        <FormError message={submit.error} onClose={submit.clearError} />
        <Form
          form={form}
          layout="vertical"
          initialValues={data.data.settings}
          onFinish={submit.onFinish}
          style={{ maxWidth: 860 }}
        >
          <Form.Item
            name="indexScheme"
            label="索引号规则"
            extra="可用 {code}（机构代码）、{year}、{item}、{serial:N}；须含 {code}、{year} 和 {serial}，各部分之间用分隔符。已编制的索引号不会改变"
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="orgCode"
            label="统一社会信用代码或组织机构代码（用于索引号）"
            extra={
              data.data.settings.orgCode
                ? `指南中的说明：${data.data.settings.indexRule ?? ''}`
                : `尚未填写，索引号暂用本机关在平台的代码“${data.data.settings.indexCode ?? ''}”。填写后核对校验码（GB 32100、GB 11714）`
            }
          >
            <Input maxLength={20} />
          </Form.Item>
          {SECTIONS.map(([k, label]) => (
            <Form.Item key={k} name={['guide', k]} label={`指南 ${label}`} extra="留空则按本机关信息自动生成">
              <Input.TextArea rows={3} />
            </Form.Item>
          ))}
          <Form.Item name="rulesHtml" label="政府信息公开制度（HTML，保存时净化）">
            <Input.TextArea rows={8} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.submitting}>
            保存
          </Button>
        </Form>
      </Card>
    </>
  );
}
